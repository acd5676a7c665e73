import { createBlogPost, listBlogPosts, updateBlogPost, type GhlBlogPost } from '../../ghl/endpoints/blogs.js';
import type { GhlCallContext } from '../../ghl/endpoints/types.js';
import { GhlNotFoundError } from '../../ghl/errors.js';
import { builder, type BuilderTypes } from '../builder.js';
import type { UserErrorShape } from '../shared/errors.js';
import { traced } from '../shared/ghl-operation.js';
import { recordPayload, runMutation } from '../shared/mutation.js';
import { createBody, fieldChecks, mergedBody, POST_FIELD_NAMES, POST_INPUT_FIELDS, publishChecks } from './post-input.js';
import { BlogPost, BlogPostStatusEnum, type BlogPostView } from './types.js';

/** Everything cached that a post write can change: post pages and slug checks. */
const POST_LISTS = ['blogPostPage', 'blogPostSlugExists'] as const;

/** Fields a create requires and an update may leave out. */
function mainFields<R extends boolean>(t: PothosSchemaTypes.InputFieldBuilder<BuilderTypes, 'InputObject'>, required: R) {
  return {
    title: t.string({ required, description: 'Title.' }),
    urlSlug: t.string({ required, description: 'Path segment of the post, unique in the location: lowercase words joined by hyphens, e.g. `spring-launch`.' }),
    status: t.field({ type: BlogPostStatusEnum, required, description: 'State of the post. SCHEDULED needs a future `publishedAt`.' }),
    authorId: t.id({ required, description: 'Id of the author (see `blogAuthors`).' }),
  };
}

/** Fields both may leave out. */
function extraFields(t: PothosSchemaTypes.InputFieldBuilder<BuilderTypes, 'InputObject'>, forCreate: boolean) {
  return {
    description: t.string({ description: 'Short description for listings and previews.' }),
    imageUrl: t.string({ description: 'URL of the header image.' }),
    imageAltText: t.string({ description: 'Alternative text of the header image.' }),
    categoryIds: t.idList({ description: forCreate ? 'Ids of the categories (see `blogCategories`).' : 'Ids of the categories; replaces them all.' }),
    tags: t.stringList({ description: forCreate ? 'Tags.' : 'Tags; replaces them all.' }),
    canonicalLink: t.string({ description: 'Canonical URL, when the post lives elsewhere first. GHL derives one otherwise.' }),
    publishedAt: t.field({ type: 'DateTime', description: forCreate ? 'When the post goes on the blog. Default: now; required and in the future for SCHEDULED.' : 'When the post goes on the blog.' }),
  };
}

const BlogPostCreateInput = builder.inputType('BlogPostCreateInput', {
  description: 'A new post on one of the location\'s blogs.',
  fields: (t) => ({
    blogId: t.id({ required: true, description: 'The blog to post on (see `blogs`).' }),
    rawHtml: t.string({ required: true, description: 'The content, as HTML.' }),
    ...mainFields(t, true),
    ...extraFields(t, true),
  }),
});

const BlogPostUpdateInput = builder.inputType('BlogPostUpdateInput', {
  description: 'A post and the changes to make; fields left out stay as they are, except the content: GHL replaces the whole post and never sends its HTML back, so `rawHtml` is always given.',
  fields: (t) => ({
    id: t.id({ required: true, description: "GHL's post id." }),
    blogId: t.id({ required: true, description: 'The blog the post is on.' }),
    rawHtml: t.string({ required: true, description: 'The content, as HTML (all of it).' }),
    ...mainFields(t, false),
    ...extraFields(t, false),
  }),
});

const BlogPostPayload = (name: string, description: string) =>
  recordPayload(name, description, 'blogPost', BlogPost, 'The post after the change; null when nothing changed.');

const BlogPostCreatePayload = BlogPostPayload('BlogPostCreatePayload', 'Result of `blogPostCreate`.');
const BlogPostUpdatePayload = BlogPostPayload('BlogPostUpdatePayload', 'Result of `blogPostUpdate`.');

/** Reads pages of the blog's posts until the post turns up. Fresh, not through the cache: the write builds on it. */
async function findPost(ghl: GhlCallContext, blogId: string, postId: string): Promise<GhlBlogPost | null> {
  const limit = 100;
  for (let offset = 0; offset < 50 * limit; offset += limit) {
    const page = await listBlogPosts(ghl, { blogId }, { limit, offset });
    const found = page.find((p) => p._id === postId);
    if (found) return found;
    if (page.length < limit) return null;
  }
  return null;
}

builder.mutationFields((t) => ({
  blogPostCreate: t.field({
    ...traced('Creates a post on a blog of the location.', 'POST /blogs/posts'),
    type: BlogPostCreatePayload,
    args: { input: t.arg({ type: BlogPostCreateInput, required: true, description: 'The new post.' }) },
    resolve: async (_root, { input }, ctx) => {
      const now = ctx.ghl.client.clock.now();
      const { result, userErrors } = await runMutation(ctx, {
        checks: fieldChecks(input, now),
        inputFields: POST_INPUT_FIELDS,
        fieldNames: POST_FIELD_NAMES,
        notFoundField: ['input', 'blogId'],
        call: () => createBlogPost(ctx.ghl, createBody(input, now)),
        stale: { lists: POST_LISTS },
      });
      return { blogPost: result && { ...result, blogId: input.blogId }, userErrors };
    },
  }),
  blogPostUpdate: t.field({
    ...traced('Changes a post. The post is read first (from its blog\'s list, GHL has no single-post read), then written whole.', 'GET /blogs/posts/all', 'PUT /blogs/posts/{postId}'),
    type: BlogPostUpdatePayload,
    args: { input: t.arg({ type: BlogPostUpdateInput, required: true, description: 'The post and its changes.' }) },
    resolve: async (_root, { input }, ctx): Promise<{ blogPost: BlogPostView | null; userErrors: UserErrorShape[] }> => {
      const now = ctx.ghl.client.clock.now();
      const early = fieldChecks(input, now);
      if (early.length) return { blogPost: null, userErrors: early };
      let current: GhlBlogPost | null;
      try {
        current = await findPost(ctx.ghl, input.blogId, input.id);
      } catch (err) {
        if (err instanceof GhlNotFoundError) return { blogPost: null, userErrors: [{ code: 'NOT_FOUND', field: ['input', 'blogId'], message: err.message }] };
        throw err;
      }
      if (!current) return { blogPost: null, userErrors: [{ code: 'NOT_FOUND', field: ['input', 'id'], message: 'The blog has no post with this id.' }] };
      const body = mergedBody(current, input, now);
      const { result, userErrors } = await runMutation(ctx, {
        // The merged state must still make sense, e.g. SCHEDULED over a date that has passed.
        checks: input.status || input.publishedAt ? publishChecks(body.status, new Date(body.publishedAt), now) : [],
        inputFields: POST_INPUT_FIELDS,
        fieldNames: POST_FIELD_NAMES,
        call: () => updateBlogPost(ctx.ghl, input.id, body),
        stale: { lists: POST_LISTS },
      });
      return { blogPost: result && { ...result, blogId: input.blogId }, userErrors };
    },
  }),
}));
