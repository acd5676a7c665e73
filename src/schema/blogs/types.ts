import type { GhlBlog, GhlBlogAuthor, GhlBlogCategory, GhlBlogPost } from '../../ghl/endpoints/blogs.js';
import { DIRECTORY } from '../../loaders/blogs.js';
import { builder } from '../builder.js';
import { describedEnum } from '../shared/enums.js';
import { traced } from '../shared/ghl-operation.js';
import { connectionType } from '../shared/pagination.js';

export const BlogPostStatusEnum = describedEnum('BlogPostStatus', 'Where a blog post is in its life.', {
  DRAFT: ['DRAFT', 'Being written; not on the blog.'],
  PUBLISHED: ['PUBLISHED', 'On the blog since `publishedAt`.'],
  SCHEDULED: ['SCHEDULED', 'Goes on the blog at `publishedAt`, which is in the future.'],
  ARCHIVED: ['ARCHIVED', 'Taken off the blog and kept.'],
});

export type BlogPostStatusValue = 'DRAFT' | 'PUBLISHED' | 'SCHEDULED' | 'ARCHIVED';
const STATUSES = new Set<string>(['DRAFT', 'PUBLISHED', 'SCHEDULED', 'ARCHIVED']);

/** A post as the schema sees it: GHL's, plus the blog it was read from or written to (GHL does not send it). */
export type BlogPostView = GhlBlogPost & { blogId?: string };

export const BlogAuthor = builder.objectRef<GhlBlogAuthor>('BlogAuthor').implement({
  description: 'A person posts on the location\'s blogs are credited to.',
  fields: (t) => ({
    id: t.exposeID('_id', { description: "GHL's author id." }),
    name: t.exposeString('name', { description: 'Name shown on posts.' }),
    canonicalLink: t.string({ nullable: true, description: "URL of the author's page on the blog.", resolve: (a) => a.canonicalLink || null }),
    updatedAt: t.field({ type: 'DateTime', nullable: true, description: 'When the author last changed.', resolve: (a) => a.updatedAt || null }),
  }),
});

export const BlogCategory = builder.objectRef<GhlBlogCategory>('BlogCategory').implement({
  description: 'A category posts are filed under, shared by the location\'s blogs.',
  fields: (t) => ({
    id: t.exposeID('_id', { description: "GHL's category id." }),
    label: t.string({ description: 'Name of the category.', resolve: (c) => c.label ?? c.name ?? '' }),
    urlSlug: t.string({ nullable: true, description: 'The category\'s path segment, e.g. `agency-growth`.', resolve: (c) => c.urlSlug || null }),
    canonicalLink: t.string({ nullable: true, description: "URL of the category's page on the blog.", resolve: (c) => c.canonicalLink || null }),
    updatedAt: t.field({ type: 'DateTime', nullable: true, description: 'When the category last changed.', resolve: (c) => c.updatedAt || null }),
  }),
});

export const BlogPost = builder.objectRef<BlogPostView>('BlogPost').implement({
  description: 'A post on one of the location\'s blogs. GHL never sends a post\'s HTML back, so it is not readable here.',
  fields: (t) => ({
    id: t.exposeID('_id', { description: "GHL's post id." }),
    blogId: t.id({ nullable: true, description: 'Id of the blog the post is on, when known from how it was reached (GHL does not send it).', resolve: (p) => p.blogId ?? null }),
    title: t.exposeString('title', { description: 'Title.' }),
    description: t.string({ nullable: true, description: 'Short description, shown in listings and previews.', resolve: (p) => p.description || null }),
    urlSlug: t.string({ nullable: true, description: "The post's path segment, unique in the location, e.g. `banana-good-energy`.", resolve: (p) => p.urlSlug || null }),
    canonicalLink: t.string({ nullable: true, description: 'Canonical URL of the post.', resolve: (p) => p.canonicalLink || null }),
    imageUrl: t.string({ nullable: true, description: 'URL of the header image.', resolve: (p) => p.imageUrl || null }),
    imageAltText: t.string({ nullable: true, description: 'Alternative text of the header image.', resolve: (p) => p.imageAltText || null }),
    status: t.field({ type: BlogPostStatusEnum, description: 'Where the post is in its life.', resolve: (p) => (STATUSES.has(p.status) ? (p.status as BlogPostStatusValue) : 'DRAFT') }),
    archived: t.boolean({ description: 'Whether the post is archived.', resolve: (p) => p.archived ?? p.status === 'ARCHIVED' }),
    tags: t.stringList({ description: 'Tags on the post.', resolve: (p) => p.tags ?? [] }),
    publishedAt: t.field({ type: 'DateTime', nullable: true, description: 'When the post went (or goes, if scheduled) on the blog.', resolve: (p) => p.publishedAt || null }),
    updatedAt: t.field({ type: 'DateTime', nullable: true, description: 'When the post last changed.', resolve: (p) => p.updatedAt || null }),
    authorId: t.id({ nullable: true, description: 'Id of the author.', resolve: (p) => p.author || null }),
    categoryIds: t.idList({ description: 'Ids of the categories, in the post\'s order.', resolve: (p) => p.categories ?? [] }),
    author: t.field({
      ...traced('The author. All the location\'s authors are read once per request (and cache period), however many posts ask.', 'GET /blogs/authors'),
      type: BlogAuthor,
      nullable: true,
      resolve: async (p, _args, ctx) => {
        if (!p.author) return null;
        return (await ctx.loaders.blogAuthorDirectory.load(DIRECTORY)).find((a) => a._id === p.author) ?? null;
      },
    }),
    categories: t.field({
      nullable: true,
      ...traced('The categories, in the post\'s order; ids no category has any more are left out. Read as `author` is. Null, with an error at this path, when GHL fails to answer for this record; the rest of the response still arrives.', 'GET /blogs/categories'),
      type: [BlogCategory],
      resolve: async (p, _args, ctx) => {
        if (!p.categories?.length) return [];
        const byId = new Map((await ctx.loaders.blogCategoryDirectory.load(DIRECTORY)).map((c) => [c._id, c]));
        return p.categories.flatMap((id) => byId.get(id) ?? []);
      },
    }),
  }),
});

export const Blog = builder.objectRef<GhlBlog>('Blog').implement({
  description: 'A blog site of the location.',
  fields: (t) => ({
    id: t.exposeID('_id', { description: "GHL's blog id." }),
    name: t.exposeString('name', { description: 'Name of the blog.' }),
  }),
});

export const BlogConnection = connectionType(Blog, 'Blog', 'blog');
export const BlogPostConnection = connectionType(BlogPost, 'BlogPost', 'blog post');
export const BlogAuthorConnection = connectionType(BlogAuthor, 'BlogAuthor', 'blog author');
export const BlogCategoryConnection = connectionType(BlogCategory, 'BlogCategory', 'blog category');
