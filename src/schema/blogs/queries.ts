import type { GhlBlog, GhlBlogAuthor, GhlBlogCategory } from '../../ghl/endpoints/blogs.js';
import type { GraphQLContext } from '../../context.js';
import { builder } from '../builder.js';
import { offsetConnection, type OffsetConnectionArgs } from '../shared/offset-connection.js';
import { traced } from '../shared/ghl-operation.js';
import { pageArgs } from '../shared/pagination.js';
import { Blog, BlogAuthorConnection, BlogCategoryConnection, BlogConnection, BlogPostConnection, BlogPostStatusEnum, type BlogPostView } from './types.js';

/** GHL documents no maximum for these pages; the gateway keeps them modest. */
const PAGE = { defaultSize: 20, maxSize: 100 };

const BlogPostFilterInput = builder.inputType('BlogPostFilterInput', {
  description: 'Narrows the posts of a blog.',
  fields: (t) => ({
    status: t.field({ type: BlogPostStatusEnum, description: 'Only posts in this state.' }),
    search: t.string({ description: 'Only posts whose title contains this text.' }),
  }),
});

/** A page of a blog's posts (limit/offset), each marked with the blog it came from. */
function blogPostsConnection(ctx: GraphQLContext, blogId: string, args: OffsetConnectionArgs & { filter?: { status?: string | null; search?: string | null } | null }) {
  const filter = { blogId, ...(args.filter?.status ? { status: args.filter.status } : {}), ...(args.filter?.search?.trim() ? { searchTerm: args.filter.search.trim() } : {}) };
  return offsetConnection<BlogPostView>(args, {
    ...PAGE,
    idOf: (p) => p._id,
    fetch: async ({ offset, limit }) => ({ items: (await ctx.loaders.blogPostPage.load({ ...filter, limit, offset })).map((p) => ({ ...p, blogId })), total: null }),
  });
}

builder.queryFields((t) => ({
  blogs: t.field({
    ...traced('The blog sites of the location, by name.', 'GET /blogs/site/all'),
    type: BlogConnection,
    args: {
      search: t.arg.string({ description: 'Only blogs whose name contains this text.' }),
      ...pageArgs(t.arg, PAGE),
    },
    resolve: (_root, args, ctx) =>
      offsetConnection<GhlBlog>(args, {
        ...PAGE,
        idOf: (b) => b._id,
        fetch: async ({ offset, limit }) => ({ items: await ctx.loaders.blogPage.load({ skip: offset, limit, ...(args.search?.trim() ? { searchTerm: args.search.trim() } : {}) }), total: null }),
      }),
  }),
  blogPosts: t.field({
    ...traced('The posts of one blog, newest publication first.', 'GET /blogs/posts/all'),
    type: BlogPostConnection,
    args: {
      blogId: t.arg.id({ required: true, description: 'The blog whose posts to list.' }),
      filter: t.arg({ type: BlogPostFilterInput, description: 'Narrows the posts by state or title.' }),
      ...pageArgs(t.arg, PAGE),
    },
    resolve: (_root, args, ctx) => blogPostsConnection(ctx, args.blogId, args),
  }),
  blogAuthors: t.field({
    ...traced('The authors of the location\'s blogs, by name.', 'GET /blogs/authors'),
    type: BlogAuthorConnection,
    args: {
      ...pageArgs(t.arg, PAGE),
    },
    resolve: (_root, args, ctx) =>
      offsetConnection<GhlBlogAuthor>(args, { ...PAGE, idOf: (a) => a._id, fetch: async (page) => ({ items: await ctx.loaders.blogAuthorPage.load(page), total: null }) }),
  }),
  blogCategories: t.field({
    ...traced('The categories of the location\'s blogs, by label.', 'GET /blogs/categories'),
    type: BlogCategoryConnection,
    args: {
      ...pageArgs(t.arg, PAGE),
    },
    resolve: (_root, args, ctx) =>
      offsetConnection<GhlBlogCategory>(args, { ...PAGE, idOf: (c) => c._id, fetch: async (page) => ({ items: await ctx.loaders.blogCategoryPage.load(page), total: null }) }),
  }),
  blogPostSlugAvailable: t.boolean({
    ...traced('Whether a URL slug is free for a post: true when no other post of the location uses it. Check before publishing.', 'GET /blogs/posts/url-slug-exists'),
    args: {
      slug: t.arg.string({ required: true, description: 'The URL slug, e.g. `spring-launch`.' }),
      postId: t.arg.id({ description: 'The post that would use the slug, when renaming one: its own slug does not count as taken.' }),
    },
    resolve: async (_root, args, ctx) => !(await ctx.loaders.blogPostSlugExists.load({ urlSlug: args.slug, ...(args.postId ? { postId: args.postId } : {}) })),
  }),
}));

builder.objectField(Blog, 'posts', (t) =>
  t.field({
    nullable: true,
    ...traced('The posts of this blog, newest publication first. Null, with an error at this path, when GHL fails to answer for this record; the rest of the response still arrives.', 'GET /blogs/posts/all'),
    type: BlogPostConnection,
    args: {
      filter: t.arg({ type: BlogPostFilterInput, description: 'Narrows the posts by state or title.' }),
      ...pageArgs(t.arg, PAGE),
    },
    resolve: (blog, args, ctx) => blogPostsConnection(ctx, blog._id, args),
  }),
);
