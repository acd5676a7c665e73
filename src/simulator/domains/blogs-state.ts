import type { SimulatorStore } from '../store.js';

/**
 * What the simulator keeps for apps/blogs.json: blog sites, their authors and categories (both per
 * location, shared by the location's blogs) and posts. Kept through `store.domainState('blogs', …)`.
 */

export type { BlogPostStatus } from '../../ghl/openapi/wire.js';
import type { BlogPostStatus } from '../../ghl/openapi/wire.js';

export interface BlogRecord {
  id: string;
  locationId: string;
  name: string;
  /** Where the blog is published; canonical links are built from it. Not sent (BlogResponseDTO has only id and name). */
  baseUrl: string;
}

export interface BlogAuthorRecord {
  id: string;
  locationId: string;
  name: string;
  canonicalLink: string;
  updatedAt: string;
}

export interface BlogCategoryRecord {
  id: string;
  locationId: string;
  label: string;
  urlSlug: string;
  canonicalLink: string;
  updatedAt: string;
}

export interface BlogPostRecord {
  id: string;
  locationId: string;
  blogId: string;
  title: string;
  description: string;
  imageUrl: string;
  imageAltText: string;
  rawHTML: string;
  status: BlogPostStatus;
  categories: string[];
  tags: string[];
  author: string;
  urlSlug: string;
  canonicalLink: string;
  publishedAt: string;
  updatedAt: string;
}

export class BlogsState {
  readonly blogs = new Map<string, BlogRecord>();
  readonly authors = new Map<string, BlogAuthorRecord>();
  readonly categories = new Map<string, BlogCategoryRecord>();
  readonly posts = new Map<string, BlogPostRecord>();

  listBlogs(locationId: string): BlogRecord[] {
    return sorted([...this.blogs.values()].filter((b) => b.locationId === locationId), (b) => b.name);
  }

  listAuthors(locationId: string): BlogAuthorRecord[] {
    return sorted([...this.authors.values()].filter((a) => a.locationId === locationId), (a) => a.name);
  }

  listCategories(locationId: string): BlogCategoryRecord[] {
    return sorted([...this.categories.values()].filter((c) => c.locationId === locationId), (c) => c.label);
  }

  /** A blog's posts, newest publication first, then id. */
  listPosts(blogId: string): BlogPostRecord[] {
    return [...this.posts.values()]
      .filter((p) => p.blogId === blogId)
      .sort((a, b) => (a.publishedAt < b.publishedAt ? 1 : a.publishedAt > b.publishedAt ? -1 : a.id < b.id ? -1 : 1));
  }

  /** Slugs are unique per location: the slug check takes no blog id (ASSUMPTIONS.md BL3). */
  slugTaken(locationId: string, urlSlug: string, exceptPostId?: string): boolean {
    return [...this.posts.values()].some((p) => p.locationId === locationId && p.urlSlug === urlSlug && p.id !== exceptPostId);
  }
}

function sorted<T extends { id: string }>(items: T[], by: (item: T) => string): T[] {
  return items.sort((a, b) => by(a).localeCompare(by(b)) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export const blogsState = (store: SimulatorStore): BlogsState => store.domainState('blogs', () => new BlogsState());

/** `BlogResponseDTO`. */
export const blogDto = (b: BlogRecord) => ({ _id: b.id, name: b.name });

/** `AuthorResponseDTO`. */
export const authorDto = (a: BlogAuthorRecord) => ({ _id: a.id, name: a.name, locationId: a.locationId, updatedAt: a.updatedAt, canonicalLink: a.canonicalLink });

/**
 * `CategoryResponseDTO`. Its `required` list names `name`, a property it never declares, beside the
 * declared `label`; the simulator sends both with the same text (ASSUMPTIONS.md BL2).
 */
export const categoryDto = (c: BlogCategoryRecord) => ({ _id: c.id, label: c.label, name: c.label, locationId: c.locationId, updatedAt: c.updatedAt, canonicalLink: c.canonicalLink, urlSlug: c.urlSlug });

/** `BlogPostResponseDTO`: no blog id and no HTML, as the spec draws it (ASSUMPTIONS.md BL5). */
export function postDto(p: BlogPostRecord): Record<string, unknown> {
  return {
    categories: [...p.categories],
    tags: [...p.tags],
    archived: p.status === 'ARCHIVED',
    _id: p.id,
    title: p.title,
    description: p.description,
    imageUrl: p.imageUrl,
    status: p.status,
    imageAltText: p.imageAltText,
    urlSlug: p.urlSlug,
    canonicalLink: p.canonicalLink,
    author: p.author,
    publishedAt: p.publishedAt,
    updatedAt: p.updatedAt,
  };
}
