import type { BlogPostWriteBody } from '../../ghl/openapi/wire.js';
import { badRequest, forbiddenLocation, notFound, unprocessable } from '../errors.js';
import { locationOf, type RequestContext, type RouteTable } from '../routes/types.js';
import { seedBlogs } from './blogs-seed.js';
import { authorDto, blogDto, blogsState, categoryDto, postDto, type BlogPostRecord, type BlogPostStatus, type BlogRecord } from './blogs-state.js';
import type { SimulatorDomain } from './types.js';
import { intParam } from '../params.js';

/** apps/blogs.json. Envelopes as the spec spells them: posts come back under `blogs`, sites under `data`. */

const MAX_LIMIT = 1000;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;


function slice<T>(items: T[], query: Record<string, unknown>, skipName: 'offset' | 'skip'): T[] {
  const skip = intParam(query[skipName], skipName, undefined, 0, Number.MAX_SAFE_INTEGER);
  const limit = intParam(query['limit'], 'limit', undefined, 1, MAX_LIMIT);
  return items.slice(skip, skip + limit);
}

function ownBlog(ctx: RequestContext, id: string): BlogRecord {
  const blog = blogsState(ctx.store).blogs.get(id);
  if (!blog) throw notFound('Blog not found');
  if (blog.locationId !== locationOf(ctx)) throw forbiddenLocation();
  return blog;
}

function ownPost(ctx: RequestContext, id: string): BlogPostRecord {
  const post = blogsState(ctx.store).posts.get(id);
  if (!post) throw notFound('Blog post not found');
  if (post.locationId !== locationOf(ctx)) throw forbiddenLocation();
  return post;
}

/** Body of create and update: `CreateBlogPostParams` / `UpdateBlogPostParams` (the same fields). */
type PostBody = BlogPostWriteBody;

/** The checks GHL's editor applies before saving (ASSUMPTIONS.md BL4), in one place for create and update. */
function postFields(ctx: RequestContext, body: PostBody, existing?: BlogPostRecord): Omit<BlogPostRecord, 'id' | 'locationId' | 'updatedAt'> {
  const locationId = locationOf(ctx);
  const state = blogsState(ctx.store);
  const blog = ownBlog(ctx, body.blogId);
  const problems: string[] = [];
  if (!body.title.trim()) problems.push('title should not be empty');
  if (!SLUG.test(body.urlSlug)) problems.push('urlSlug must contain only lowercase letters, digits and single hyphens');
  const author = state.authors.get(body.author);
  if (!author || author.locationId !== locationId) problems.push('author must be the id of an author of this location');
  for (const id of body.categories) {
    const category = state.categories.get(id);
    if (!category || category.locationId !== locationId) problems.push(`categories must hold ids of categories of this location (${id} is not one)`);
  }
  const published = Date.parse(body.publishedAt);
  if (Number.isNaN(published)) problems.push('publishedAt must be a valid ISO 8601 date string');
  else if (body.status === 'SCHEDULED' && published <= ctx.store.clock.now()) problems.push('publishedAt must be in the future for a SCHEDULED post');
  if (problems.length) throw unprocessable(problems);
  if (state.slugTaken(locationId, body.urlSlug, existing?.id)) throw badRequest(`urlSlug ${body.urlSlug} already exists`);
  return {
    blogId: blog.id,
    title: body.title.trim(),
    description: body.description,
    imageUrl: body.imageUrl,
    imageAltText: body.imageAltText,
    rawHTML: body.rawHTML,
    status: body.status,
    categories: [...new Set(body.categories)],
    tags: [...(body.tags ?? existing?.tags ?? [])],
    author: body.author,
    urlSlug: body.urlSlug,
    canonicalLink: body.canonicalLink?.trim() || `${blog.baseUrl}/post/${body.urlSlug}`,
    publishedAt: new Date(published).toISOString(),
  };
}

const routes: RouteTable = {
  'GET /blogs/posts/url-slug-exists': (ctx) => {
    const { urlSlug, postId } = ctx.query as { urlSlug: string; postId?: string };
    return { status: 200, body: { exists: blogsState(ctx.store).slugTaken(locationOf(ctx), urlSlug, postId) } };
  },

  'GET /blogs/authors': (ctx) => ({ status: 200, body: { authors: slice(blogsState(ctx.store).listAuthors(locationOf(ctx)), ctx.query, 'offset').map(authorDto) } }),

  'GET /blogs/categories': (ctx) => ({ status: 200, body: { categories: slice(blogsState(ctx.store).listCategories(locationOf(ctx)), ctx.query, 'offset').map(categoryDto) } }),

  'GET /blogs/posts/all': (ctx) => {
    const blog = ownBlog(ctx, ctx.query['blogId'] as string);
    const { searchTerm, status } = ctx.query as { searchTerm?: string; status?: BlogPostStatus };
    const needle = searchTerm?.trim().toLowerCase();
    const posts = blogsState(ctx.store)
      .listPosts(blog.id)
      .filter((p) => (!status || p.status === status) && (!needle || p.title.toLowerCase().includes(needle)));
    return { status: 200, body: { blogs: slice(posts, ctx.query, 'offset').map(postDto) } };
  },

  'GET /blogs/site/all': (ctx) => {
    const needle = (ctx.query['searchTerm'] as string | undefined)?.trim().toLowerCase();
    const blogs = blogsState(ctx.store)
      .listBlogs(locationOf(ctx))
      .filter((b) => !needle || b.name.toLowerCase().includes(needle));
    return { status: 200, body: { data: slice(blogs, ctx.query, 'skip').map(blogDto) } };
  },

  // The spec answers 200, not 201, for this create.
  'POST /blogs/posts': (ctx) => {
    const fields = postFields(ctx, ctx.body as PostBody);
    const post: BlogPostRecord = { id: ctx.store.newObjectId(), locationId: locationOf(ctx), ...fields, updatedAt: ctx.store.nowIso() };
    blogsState(ctx.store).posts.set(post.id, post);
    return { status: 200, body: { data: postDto(post) } };
  },

  // `{postId}` is in the path but not among the spec's declared parameters; the router still binds it.
  'PUT /blogs/posts/{postId}': (ctx) => {
    const post = ownPost(ctx, ctx.params['postId'] as string);
    Object.assign(post, postFields(ctx, ctx.body as PostBody, post), { updatedAt: ctx.store.nowIso() });
    return { status: 200, body: { updatedBlogPost: postDto(post) } };
  },
};

/** apps/blogs.json: handlers, state (blogs-state.ts) and seed (blogs-seed.ts). */
export const blogsDomain: SimulatorDomain = {
  name: 'blogs',
  routes,
  seed: seedBlogs,
};
