import type { BlogPostFilter, GhlBlog, GhlBlogAuthor, GhlBlogCategory, GhlBlogPost } from '../ghl/endpoints/blogs.js';
import { listBlogAuthors, listBlogCategories, listBlogPosts, listBlogs, urlSlugExists } from '../ghl/endpoints/blogs.js';
import { loaderKit, type LoaderDeps } from './kit.js';

/**
 * How long each blogs resource may be served from the cross-request cache. Authors, categories
 * and sites are reference data; posts are edited; a slug check must be close to the truth.
 */
export const TTL_MS = {
  blogPage: 300_000,
  blogPostPage: 30_000,
  blogAuthorPage: 300_000,
  blogCategoryPage: 300_000,
  blogAuthorDirectory: 300_000,
  blogCategoryDirectory: 300_000,
  blogPostSlugExists: 5_000,
};

export interface BlogPageArgs {
  skip: number;
  limit: number;
  searchTerm?: string;
}

export interface OffsetArgs {
  limit: number;
  offset: number;
}

export type BlogPostPageArgs = BlogPostFilter & OffsetArgs;

/** Page size when reading a whole directory; the directory ends at the first short page. */
const DIRECTORY_PAGE = 100;
/** A runaway guard: no location has this many authors or categories. */
const DIRECTORY_MAX_PAGES = 50;

async function readAll<T>(fetchPage: (page: OffsetArgs) => Promise<T[]>): Promise<T[]> {
  const all: T[] = [];
  for (let i = 0; i < DIRECTORY_MAX_PAGES; i++) {
    const page = await fetchPage({ limit: DIRECTORY_PAGE, offset: i * DIRECTORY_PAGE });
    all.push(...page);
    if (page.length < DIRECTORY_PAGE) break;
  }
  return all;
}

/** The single key of the directory loaders: a location has one author list and one category list. */
export const DIRECTORY = 'all';

/** Per-request loaders of the blogs domain. Names are the cache resources, so `invalidate` finds them. */
export function createBlogLoaders(deps: LoaderDeps) {
  const kit = loaderKit(deps);
  const { ghl } = deps;
  return {
    blogPage: kit.byArgs<BlogPageArgs, GhlBlog[]>('blogPage', TTL_MS.blogPage, (args) => listBlogs(ghl, args)),
    blogPostPage: kit.byArgs<BlogPostPageArgs, GhlBlogPost[]>('blogPostPage', TTL_MS.blogPostPage, ({ limit, offset, ...filter }) => listBlogPosts(ghl, filter, { limit, offset })),
    blogAuthorPage: kit.byArgs<OffsetArgs, GhlBlogAuthor[]>('blogAuthorPage', TTL_MS.blogAuthorPage, (args) => listBlogAuthors(ghl, args)),
    blogCategoryPage: kit.byArgs<OffsetArgs, GhlBlogCategory[]>('blogCategoryPage', TTL_MS.blogCategoryPage, (args) => listBlogCategories(ghl, args)),
    /**
     * Every author of the location, read once per request (and per TTL), so resolving the author of
     * any number of posts costs one GHL call: GHL has no author-by-id read.
     */
    blogAuthorDirectory: kit.byId<GhlBlogAuthor[]>('blogAuthorDirectory', TTL_MS.blogAuthorDirectory, () => readAll((page) => listBlogAuthors(ghl, page))),
    /** Every category of the location, as `blogAuthorDirectory` does for authors. */
    blogCategoryDirectory: kit.byId<GhlBlogCategory[]>('blogCategoryDirectory', TTL_MS.blogCategoryDirectory, () => readAll((page) => listBlogCategories(ghl, page))),
    blogPostSlugExists: kit.byArgs<{ urlSlug: string; postId?: string }, boolean>('blogPostSlugExists', TTL_MS.blogPostSlugExists, (args) => urlSlugExists(ghl, args.urlSlug, args.postId)),
  };
}
