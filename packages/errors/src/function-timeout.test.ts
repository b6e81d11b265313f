import middy from '@middy/core';
import { errorResponder } from './error-responder';
import { handlerOptions, isFunctionTimeout } from './function-timeout';

const httpEvent = { requestContext: { http: { method: 'GET' } }, headers: {} };
const quiet = { error: jest.fn(), warn: jest.fn() };

describe('handlerOptions', () => {
  it('answers 504 FunctionTimeoutError before the Lambda times out, not a 500', async () => {
    const never = middy(() => new Promise(() => {}), handlerOptions).use(errorResponder(quiet));
    // 300 ms left: middy gives up 250 ms before the end.
    const context = { getRemainingTimeInMillis: () => 300 };
    const started = performance.now();
    const res = (await never(httpEvent, context as never)) as { statusCode: number; body: string };
    expect(performance.now() - started).toBeLessThan(250);
    expect(res.statusCode).toBe(504);
    expect(JSON.parse(res.body)).toEqual({
      error: { type: 'FunctionTimeoutError', message: 'the function ran out of time before it could answer' },
    });
  });
});

describe('isFunctionTimeout', () => {
  it("is true for middy's timeout only, not for any error named TimeoutError", () => {
    const middyTimeout = Object.assign(new Error('[AbortError]', { cause: { package: '@middy/core' } }), {
      name: 'TimeoutError',
    });
    const socketTimeout = Object.assign(new Error('socket timed out'), { name: 'TimeoutError' });
    expect(isFunctionTimeout(middyTimeout)).toBe(true);
    expect(isFunctionTimeout(socketTimeout)).toBe(false);
  });
});
