import type { BlogPostWriteBody, GhlBlogPost } from '../../ghl/endpoints/blogs.js';
import type { UserErrorShape } from '../shared/errors.js';
import { collect, nonBlank } from '../shared/validate.js';
import type { BlogPostStatusValue } from './types.js';

/**
 * Blog post input: the checks made before GHL is called, and the full body GHL wants (create and
 * update both take every field: an update replaces the whole post).
 */

export interface BlogPostFieldsInput {
  title?: string | null;
  rawHtml?: string | null;
  urlSlug?: string | null;
  status?: BlogPostStatusValue | null;
  authorId?: string | null;
  description?: string | null;
  imageUrl?: string | null;
  imageAltText?: string | null;
  categoryIds?: string[] | null;
  tags?: string[] | null;
  canonicalLink?: string | null;
  publishedAt?: Date | null;
}

/** Input field names, and GHL's property names where they differ, for GHL's own refusals. */
export const POST_INPUT_FIELDS = ['blogId', 'title', 'rawHtml', 'urlSlug', 'status', 'authorId', 'description', 'imageUrl', 'imageAltText', 'categoryIds', 'tags', 'canonicalLink', 'publishedAt'] as const;
export const POST_FIELD_NAMES = { rawHTML: 'rawHtml', author: 'authorId', categories: 'categoryIds' };

/** Lowercase words joined by single hyphens: what a blog URL path segment may hold. */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const at = (name: string) => ['input', name];

function slug(value: string | null | undefined): UserErrorShape | null {
  if (value === null || value === undefined) return null;
  return SLUG.test(value) ? null : { code: 'INVALID', field: at('urlSlug'), message: 'urlSlug must be lowercase letters and digits in words joined by single hyphens, e.g. "spring-launch".' };
}

function httpUrl(name: string, value: string | null | undefined): UserErrorShape | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') return null;
  } catch {
    // reported below
  }
  return { code: 'INVALID', field: at(name), message: `${name} must be an http(s) URL.` };
}

/**
 * A scheduled post needs a future date; a published one a date that has come (a future one is
 * what SCHEDULED is for).
 */
export function publishChecks(status: string | null | undefined, publishedAt: Date | null | undefined, nowMs: number): UserErrorShape[] {
  if (status === 'SCHEDULED') {
    if (!publishedAt) return [{ code: 'REQUIRED', field: at('publishedAt'), message: 'A SCHEDULED post needs publishedAt.' }];
    if (publishedAt.getTime() <= nowMs) return [{ code: 'INVALID', field: at('publishedAt'), message: 'publishedAt must be in the future for a SCHEDULED post.' }];
  }
  if (status === 'PUBLISHED' && publishedAt && publishedAt.getTime() > nowMs) {
    return [{ code: 'INVALID', field: at('publishedAt'), message: 'publishedAt is in the future: use status SCHEDULED to publish later.' }];
  }
  return [];
}

/** Checks on the input alone (no GHL call needed). */
export function fieldChecks(input: BlogPostFieldsInput & { blogId: string }, nowMs: number): UserErrorShape[] {
  return collect(
    nonBlank(at('blogId'), input.blogId),
    nonBlank(at('title'), input.title),
    nonBlank(at('authorId'), input.authorId),
    slug(input.urlSlug),
    httpUrl('imageUrl', input.imageUrl),
    httpUrl('canonicalLink', input.canonicalLink),
    ...(input.categoryIds ?? []).map((id, i) => nonBlank(['input', 'categoryIds', String(i)], id)),
    ...publishChecks(input.status, input.publishedAt, nowMs),
  );
}

type WithRequired<T, K extends keyof T> = T & { [P in K]-?: NonNullable<T[P]> };

/** The create body: optional texts default to empty, the date to now. */
export function createBody(input: WithRequired<BlogPostFieldsInput, 'title' | 'rawHtml' | 'urlSlug' | 'status' | 'authorId'> & { blogId: string }, nowMs: number): BlogPostWriteBody {
  return {
    blogId: input.blogId,
    title: input.title.trim(),
    rawHTML: input.rawHtml,
    urlSlug: input.urlSlug,
    status: input.status,
    author: input.authorId,
    description: input.description ?? '',
    imageUrl: input.imageUrl ?? '',
    imageAltText: input.imageAltText ?? '',
    categories: input.categoryIds ?? [],
    ...(input.tags ? { tags: input.tags } : {}),
    ...(input.canonicalLink ? { canonicalLink: input.canonicalLink } : {}),
    publishedAt: (input.publishedAt ?? new Date(nowMs)).toISOString(),
  };
}

/** The update body: the input over the post as GHL has it (whose HTML GHL never sends, so it is always given). */
export function mergedBody(current: GhlBlogPost, input: WithRequired<BlogPostFieldsInput, 'rawHtml'> & { blogId: string }, nowMs: number): BlogPostWriteBody {
  const status = (input.status ?? current.status) as BlogPostWriteBody['status'];
  const canonicalLink = input.canonicalLink ?? current.canonicalLink;
  const tags = input.tags ?? current.tags;
  return {
    blogId: input.blogId,
    title: (input.title ?? current.title).trim(),
    rawHTML: input.rawHtml,
    urlSlug: input.urlSlug ?? current.urlSlug ?? '',
    status,
    author: input.authorId ?? current.author ?? '',
    description: input.description ?? current.description ?? '',
    imageUrl: input.imageUrl ?? current.imageUrl ?? '',
    imageAltText: input.imageAltText ?? current.imageAltText ?? '',
    categories: input.categoryIds ?? current.categories ?? [],
    ...(tags ? { tags } : {}),
    ...(canonicalLink ? { canonicalLink } : {}),
    publishedAt: input.publishedAt?.toISOString() ?? current.publishedAt ?? new Date(nowMs).toISOString(),
  };
}
