import type { Config } from '../config/env.js';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesPlugin } from '@escape.tech/graphql-armor-max-directives';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { blockFieldSuggestionsPlugin } from '@escape.tech/graphql-armor-block-field-suggestions';
import { GraphQLError, NoSchemaIntrospectionCustomRule, type ValidationContext } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { payloadTooLarge, readTextWithin } from './body-limit.js';

/**
 * The ceilings a request meets before any work is done for it (see README, "Limits"); the cost
 * ceilings are src/server/cost.ts's. "Did you mean …" hints (`fieldSuggestions`) are only ever
 * shown to callers who got past authentication.
 */
export type RequestLimits = Omit<Config['limits'], 'maxUpstreamCalls' | 'maxResultObjects'>;

/**
 * Every limit that applies before execution, in the order the request meets them: the body's
 * size while it is read, the token count while it is parsed, then depth, aliases and directives
 * as validation rules. Each refusal is `QUERY_TOO_COMPLEX` naming the limit and its value.
 */
export function useRequestLimits(limits: RequestLimits): Plugin[] {
  // armor's plugins are typed for Envelop's base context; Yoga's extends it.
  const armor = [
    maxTokensPlugin({ n: limits.maxTokens, onReject: [(_ctx, error) => { throw tooComplex(error, 'maxTokens', limits.maxTokens); }] }),
    maxDepthPlugin({ n: limits.maxDepth, ignoreIntrospection: true, flattenFragments: true, propagateOnRejection: false, onReject: [reportTo('maxDepth', limits.maxDepth)] }),
    maxAliasesPlugin({ n: limits.maxAliases, propagateOnRejection: false, onReject: [reportTo('maxAliases', limits.maxAliases)] }),
    maxDirectivesPlugin({ n: limits.maxDirectives, propagateOnRejection: false, onReject: [reportTo('maxDirectives', limits.maxDirectives)] }),
    ...(limits.fieldSuggestions ? [] : [blockFieldSuggestionsPlugin({ mask: '' })]),
  ] as Plugin[];
  return [useBodyLimit(limits.maxBodyBytes), ...armor, ...(limits.introspection ? [] : [useNoIntrospection()])];
}

const JSON_TYPE = /^\s*application\/(?:graphql-response\+)?json\s*(?:;|$)/i;

/** Reads GraphQL request bodies under `maxBytes`: 413 once the count passes it, the rest unread. */
function useBodyLimit(maxBytes: number): Plugin {
  return {
    onRequestParse({ requestParser, setRequestParser }) {
      if (!requestParser) return;
      const parse = requestParser;
      setRequestParser(async (request) => {
        if (request.method !== 'POST') return parse(request);
        const text = await readTextWithin(request, maxBytes);
        if (text === null) return payloadTooLarge(maxBytes);
        // JSON, the usual case (the browser guard admits nothing else on POST): parsed here from the
        // text already read, instead of building a second Request for Yoga's parser to read again.
        if (JSON_TYPE.test(request.headers.get('content-type') ?? '')) {
          try {
            const params: unknown = JSON.parse(text);
            if (params !== null && typeof params === 'object') return params as never;
          } catch {
            // Not JSON after all: Yoga's parser answers it with its own 400.
          }
          // Not a JSON object or array either way: Yoga's parser answers with its own 400.
        }
        return parse(new Request(request.url, { method: request.method, headers: request.headers, body: text }));
      });
    },
  };
}

function useNoIntrospection(): Plugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(NoSchemaIntrospectionCustomRule);
    },
  };
}

function reportTo(limit: string, max: number) {
  return (context: ValidationContext | null, error: GraphQLError) => {
    context?.reportError(tooComplex(error, limit, max));
  };
}

/** armor's message ("Syntax Error: Query depth limit of 12 exceeded, found 20.") with our code. */
function tooComplex(error: GraphQLError, limit: string, max: number): GraphQLError {
  const message = error.message.replace(/^Syntax Error:\s*/, '');
  return new GraphQLError(message, { extensions: { code: 'QUERY_TOO_COMPLEX', limit, max, http: { status: 400 } } });
}
