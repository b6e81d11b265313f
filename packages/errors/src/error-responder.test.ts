import middy from '@middy/core';
import { AppError, ModelNotReadyError, UpstreamError, ValidationError } from './app-error';
import { errorResponder } from './error-responder';

const httpEvent = { requestContext: { http: { method: 'POST' } }, headers: {} };
const quiet = { error: jest.fn(), warn: jest.fn() };
const logged = (fn: jest.Mock) => fn.mock.calls.map(([line]) => JSON.parse(String(line)));

/** What middy's http-json-body-parser throws for a body it cannot parse (an http-errors style 422). */
function middyUnprocessable(): Error {
  return Object.assign(new Error('Invalid or malformed JSON was provided'), {
    name: 'UnprocessableEntityError',
    statusCode: 422,
    expose: true,
  });
}

function handlerThrowing(error: Error) {
  return middy(async () => {
    throw error;
  }).use(errorResponder(quiet));
}

describe('errorResponder', () => {
  beforeEach(() => jest.clearAllMocks());

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

  it('logs an exposed 5xx at error level with the cause the client does not see', async () => {
    const cause = new Error('connect ECONNREFUSED 127.0.0.1:4569');
    await handlerThrowing(new UpstreamError('S3 could not be reached', cause))(httpEvent, {} as never);
    expect(logged(quiet.error)).toEqual([
      {
        level: 'error',
        msg: 'service unavailable',
        status: 503,
        type: 'UpstreamError',
        message: 'S3 could not be reached',
        cause: 'Error: connect ECONNREFUSED 127.0.0.1:4569',
      },
    ]);
    expect(quiet.warn).not.toHaveBeenCalled();
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

  it('logs a client error as one warn line naming the status and the message, without a stack', async () => {
    await handlerThrowing(new ValidationError('lat must be a finite number, got "1e999"'))(httpEvent, {} as never);
    expect(quiet.error).not.toHaveBeenCalled();
    expect(logged(quiet.warn)).toEqual([
      {
        level: 'warn',
        msg: 'client error',
        status: 400,
        type: 'ValidationError',
        message: 'lat must be a finite number, got "1e999"',
      },
    ]);
  });

  it("logs middy's 422 for malformed JSON as a client error, not as an unhandled error", async () => {
    const res = await handlerThrowing(middyUnprocessable())(httpEvent, {} as never);
    expect(res).toMatchObject({ statusCode: 400 });
    expect(quiet.error).not.toHaveBeenCalled();
    expect(logged(quiet.warn)).toEqual([expect.objectContaining({ level: 'warn', msg: 'client error', status: 400 })]);
    expect(JSON.stringify(logged(quiet.warn))).not.toContain('stack');
  });

  it('hides a 4xx that is not exposed (an AppError keeping its message, a library error) behind a 500', async () => {
    const errors = [
      new AppError('row 7 of s3://secret-bucket/key conflicts', { statusCode: 409, expose: false }),
      Object.assign(new Error('AccessDenied on arn:aws:s3:::secret-bucket'), { statusCode: 403 }),
    ];
    for (const error of errors) {
      const res = await handlerThrowing(error)(httpEvent, {} as never);
      expect(res).toMatchObject({ statusCode: 500 });
      expect((res as { body: string }).body).not.toContain('secret');
    }
    expect(quiet.warn).not.toHaveBeenCalled();
    expect(logged(quiet.error)).toEqual([
      expect.objectContaining({ msg: 'unhandled error' }),
      expect.objectContaining({ msg: 'unhandled error' }),
    ]);
  });

  it('logs a client error of a direct invocation too, once', async () => {
    await expect(handlerThrowing(new ValidationError('bad'))({}, {} as never)).rejects.toThrow(ValidationError);
    expect(logged(quiet.warn)).toEqual([expect.objectContaining({ status: 400, message: 'bad' })]);
  });

  it('keeps a real failure at error level with its stack, and no client-error line', async () => {
    await handlerThrowing(new Error('disk on fire'))(httpEvent, {} as never);
    expect(quiet.warn).not.toHaveBeenCalled();
    expect(logged(quiet.error)).toEqual([
      expect.objectContaining({
        level: 'error',
        msg: 'unhandled error',
        stack: expect.stringContaining('disk on fire'),
      }),
    ]);
  });
});
