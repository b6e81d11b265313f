import middy from '@middy/core';
import { ModelNotReadyError, ValidationError } from './app-error';
import { errorResponder } from './error-responder';

const httpEvent = { requestContext: { http: { method: 'POST' } }, headers: {} };
const quiet = { error: jest.fn() };

function handlerThrowing(error: Error) {
  return middy(async () => {
    throw error;
  }).use(errorResponder(quiet));
}

describe('errorResponder', () => {
  it('returns 400 JSON naming the problem for a ValidationError over HTTP', async () => {
    const res = await handlerThrowing(new ValidationError('images[0] must have 64 values'))(httpEvent, {} as never);
    expect(res).toMatchObject({ statusCode: 400 });
    expect(JSON.parse((res as { body: string }).body)).toEqual({
      error: { type: 'ValidationError', message: 'images[0] must have 64 values' },
    });
  });

  it('returns 503 for a missing model', async () => {
    const res = await handlerThrowing(new ModelNotReadyError('run ml-train'))(httpEvent, {} as never);
    expect(res).toMatchObject({ statusCode: 503 });
  });

  it('hides unknown errors behind a generic 500 and logs them', async () => {
    const res = await handlerThrowing(new Error('secret detail'))(httpEvent, {} as never);
    expect(res).toMatchObject({ statusCode: 500 });
    expect((res as { body: string }).body).not.toContain('secret');
    expect(quiet.error).toHaveBeenCalled();
  });

  it('rethrows for direct invocations so the caller sees the error type', async () => {
    await expect(handlerThrowing(new ValidationError('bad'))({}, {} as never)).rejects.toThrow(ValidationError);
  });
});
