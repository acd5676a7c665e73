import type { Plugin } from 'graphql-yoga';
import { isPromiseLike } from '../lib/promises.js';

type OnRequest = NonNullable<Plugin['onRequest']>;
type OnResponse = NonNullable<Plugin['onResponse']>;
type RequestPayload = Parameters<OnRequest>[0];
type ResponsePayload = Parameters<OnResponse>[0];

/**
 * The gateway's plugins with their `onRequest` and `onResponse` hooks run as one hook each, in
 * the same order, at the place of the first plugin. Every request passes through every plugin's
 * `onRequest` and `onResponse`, and Yoga's server adapter pays for each hook it iterates (a few
 * closures and promise checks each) whether the hook does anything or not: with eight plugins
 * that answer routes, browser rules, authentication and request ids, that was a measurable part
 * of a cached request. The merged hook keeps the adapter's rules: the first hook to end the
 * response stops the rest, and a hook that returns a promise is waited for before the next runs.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- plugins typed for any context, as Yoga's `plugins` option takes them
export function withMergedHttpHooks(plugins: Plugin<any>[]): Plugin<any>[] {
  const onRequest = plugins.flatMap((p) => (p.onRequest ? [p.onRequest.bind(p)] : []));
  const onResponse = plugins.flatMap((p) => (p.onResponse ? [p.onResponse.bind(p)] : []));
  const rest = plugins.map((p) => {
    if (!p.onRequest && !p.onResponse) return p;
    const { onRequest: _request, onResponse: _response, ...others } = p;
    return others;
  });
  return [{ onRequest: mergedOnRequest(onRequest), onResponse: mergedOnResponse(onResponse) }, ...rest];
}

function mergedOnRequest(hooks: OnRequest[]): OnRequest {
  return (payload) => {
    let ended = false;
    // The payload as each hook sees it, except that ending the response is noticed here. A plain
    // copy: an object made with the payload as its prototype would turn a new object into a
    // prototype on every request, which V8 makes slow for everything that touches it.
    const view: RequestPayload = {
      request: payload.request,
      setRequest(request) {
        view.request = request;
        payload.setRequest(request);
      },
      serverContext: payload.serverContext,
      fetchAPI: payload.fetchAPI,
      url: payload.url,
      requestHandler: payload.requestHandler,
      setRequestHandler: payload.setRequestHandler,
      endResponse(response) {
        ended = true;
        payload.endResponse(response);
      },
    };
    const runFrom = (start: number): ReturnType<OnRequest> => {
      for (let i = start; i < hooks.length && !ended; i++) {
        const outcome = hooks[i]!(view);
        if (isPromiseLike(outcome)) return Promise.resolve(outcome).then(() => runFrom(i + 1));
      }
      return undefined;
    };
    return runFrom(0);
  };
}

function mergedOnResponse(hooks: OnResponse[]): OnResponse {
  return (payload: ResponsePayload) => {
    const runFrom = (start: number): ReturnType<OnResponse> => {
      for (let i = start; i < hooks.length; i++) {
        const outcome = hooks[i]!(payload);
        if (isPromiseLike(outcome)) return Promise.resolve(outcome).then(() => runFrom(i + 1));
      }
      return undefined;
    };
    return runFrom(0);
  };
}
