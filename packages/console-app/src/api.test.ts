import { ApiError, callApi, postApi } from './api';

const answer = (status: number, body: string) => async () => new Response(body, { status });

describe('callApi', () => {
  it('returns the JSON body of a 2xx answer', async () => {
    await expect(callApi('models', {}, answer(200, '{"models":[]}'))).resolves.toEqual({ models: [] });
  });

  it("throws the API's error type and message from a 4xx body", async () => {
    const fetchImpl = answer(404, '{"error":{"type":"NotFoundError","message":"no model named \\"x\\""}}');
    const error = await callApi('models/x', {}, fetchImpl).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, type: 'NotFoundError', message: 'no model named "x"' });
  });

  it('names the status when an error answer is not JSON', async () => {
    await expect(callApi('x', {}, answer(502, 'Bad Gateway'))).rejects.toMatchObject({
      status: 502,
      type: 'HttpError',
      message: expect.stringMatching(/^502 /),
    });
  });

  it('reports a network failure as an ApiError with status 0', async () => {
    const fetchImpl = async () => {
      throw new TypeError('Failed to fetch');
    };
    await expect(callApi('x', {}, fetchImpl)).rejects.toMatchObject({ status: 0, type: 'NetworkError' });
  });

  it('sends a JSON body with its content type', async () => {
    const seen: RequestInit[] = [];
    const fetchImpl = async (_: string, init?: RequestInit) => {
      seen.push(init ?? {});
      return new Response('{}', { status: 200 });
    };
    await postApi('digits/predict', { images: [[0]] }, {}, fetchImpl);
    expect(seen[0]).toMatchObject({ method: 'POST', body: '{"images":[[0]]}' });
    expect(seen[0].headers).toMatchObject({ 'content-type': 'application/json' });
  });
});
