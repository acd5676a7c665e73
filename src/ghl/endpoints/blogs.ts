import { operation } from '../operations.js';
import type { BlogPostWriteBody } from '../openapi/wire.js';
import type { GhlCallContext } from './types.js';

/** apps/blogs.json. Ids come as `_id`; every blog operation takes a location token (`Location-Access`). */

/** `BlogResponseDTO`: a blog site. */
export interface GhlBlog {
  _id: string;
  name: string;
}

/** `AuthorResponseDTO`. */
export interface GhlBlogAuthor {
  _id: string;
  name: string;
  locationId?: string;
  updatedAt?: string;
  canonicalLink?: string;
}

/** `CategoryResponseDTO` (`label`; its required list also names an undeclared `name`). */
export interface GhlBlogCategory {
  _id: string;
  label?: string;
  name?: string;
  locationId?: string;
  updatedAt?: string;
  canonicalLink?: string;
  urlSlug?: string;
}

/** `BlogPostResponseDTO`. It carries neither the blog id nor the HTML. */
export interface GhlBlogPost {
  _id: string;
  title: string;
  description?: string;
  imageUrl?: string;
  imageAltText?: string;
  status: string;
  archived?: boolean;
  categories?: string[];
  tags?: string[];
  author?: string;
  urlSlug?: string;
  canonicalLink?: string;
  publishedAt?: string;
  updatedAt?: string;
}

export type { BlogPostWriteBody };

export interface BlogPostFilter {
  blogId: string;
  status?: string;
  searchTerm?: string;
}

const ops = {
  slugExists: operation('GET /blogs/posts/url-slug-exists'),
  authors: operation('GET /blogs/authors'),
  categories: operation('GET /blogs/categories'),
  posts: operation('GET /blogs/posts/all'),
  sites: operation('GET /blogs/site/all'),
  create: operation('POST /blogs/posts'),
  update: operation('PUT /blogs/posts/{postId}'),
};

const call = (ctx: GhlCallContext) => ({ priority: ctx.priority ?? 'interactive', meter: ctx.meter });
const location = (ctx: GhlCallContext) => ctx.credential.locationId;

/** Whether a post of the location other than `postId` already uses the slug. */
export async function urlSlugExists(ctx: GhlCallContext, urlSlug: string, postId?: string): Promise<boolean> {
  const res = await ctx.client.call<{ exists: boolean }>(ops.slugExists, ctx.credential, { ...call(ctx), query: { locationId: location(ctx), urlSlug, postId } });
  return res.data.exists === true;
}

/** limit and offset are both required. */
export async function listBlogAuthors(ctx: GhlCallContext, page: { limit: number; offset: number }): Promise<GhlBlogAuthor[]> {
  const res = await ctx.client.call<{ authors: GhlBlogAuthor[] }>(ops.authors, ctx.credential, { ...call(ctx), query: { locationId: location(ctx), ...page } });
  return res.data.authors ?? [];
}

export async function listBlogCategories(ctx: GhlCallContext, page: { limit: number; offset: number }): Promise<GhlBlogCategory[]> {
  const res = await ctx.client.call<{ categories: GhlBlogCategory[] }>(ops.categories, ctx.credential, { ...call(ctx), query: { locationId: location(ctx), ...page } });
  return res.data.categories ?? [];
}

/** A blog's posts; GHL answers them under `blogs`. */
export async function listBlogPosts(ctx: GhlCallContext, filter: BlogPostFilter, page: { limit: number; offset: number }): Promise<GhlBlogPost[]> {
  const res = await ctx.client.call<{ blogs: GhlBlogPost[] }>(ops.posts, ctx.credential, { ...call(ctx), query: { locationId: location(ctx), ...filter, ...page } });
  return res.data.blogs ?? [];
}

/** The location's blog sites, under `data`; skip and limit are both required. */
export async function listBlogs(ctx: GhlCallContext, page: { skip: number; limit: number; searchTerm?: string }): Promise<GhlBlog[]> {
  const res = await ctx.client.call<{ data: GhlBlog[] }>(ops.sites, ctx.credential, { ...call(ctx), query: { locationId: location(ctx), ...page } });
  return res.data.data ?? [];
}

/** Answers 200 (not 201) with the post under `data`. */
export async function createBlogPost(ctx: GhlCallContext, body: BlogPostWriteBody): Promise<GhlBlogPost> {
  const res = await ctx.client.call<{ data: GhlBlogPost }>(ops.create, ctx.credential, { ...call(ctx), body: { locationId: location(ctx), ...body } });
  return res.data.data;
}

/** Replaces the whole post (the body has the create's required fields); answers `updatedBlogPost`. */
export async function updateBlogPost(ctx: GhlCallContext, postId: string, body: BlogPostWriteBody): Promise<GhlBlogPost> {
  const res = await ctx.client.call<{ updatedBlogPost: GhlBlogPost }>(ops.update, ctx.credential, { ...call(ctx), pathParams: { postId }, body: { locationId: location(ctx), ...body } });
  return res.data.updatedBlogPost;
}
