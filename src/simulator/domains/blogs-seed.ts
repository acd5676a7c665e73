import { blogsState, type BlogPostStatus } from './blogs-state.js';
import type { DomainSeedContext } from './types.js';

const DAY = 86_400_000;
const BLOG_NAMES = ['Company News', 'Product Tips'];
const AUTHOR_NAMES = ['Avery Stone', 'Jordan Blake', 'Riley Chen'];
const CATEGORY_LABELS = ['Announcements', 'Guides', 'Case Studies', 'Events'];
const TOPICS = ['Spring launch', 'Five quick wins', 'Meet the team', 'Customer story', 'Pricing update', 'Webinar recap', 'Holiday hours', 'Getting started', 'Behind the scenes', 'Year in review', 'New office', 'Feature deep dive'];
/** Mostly published, as on a live blog; the other states appear a few times each. */
const STATUSES: BlogPostStatus[] = ['PUBLISHED', 'PUBLISHED', 'PUBLISHED', 'PUBLISHED', 'DRAFT', 'ARCHIVED'];

const slugify = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** Per location: two blog sites, three authors, four categories, and a dozen posts spread over both blogs. */
export function seedBlogs(ctx: DomainSeedContext): void {
  const { store, random } = ctx;
  const state = blogsState(store);
  const iso = (ms: number) => new Date(ms).toISOString();
  for (const [n, location] of ctx.locations.entries()) {
    const host = `https://${slugify(location.name) || 'location'}-${n + 1}.blog.example.com`;
    const blogs = BLOG_NAMES.map((name) => {
      const blog = { id: store.newObjectId(), locationId: location.id, name, baseUrl: `${host}/${slugify(name)}` };
      state.blogs.set(blog.id, blog);
      return blog;
    });
    const authors = AUTHOR_NAMES.map((name) => {
      const author = { id: store.newObjectId(), locationId: location.id, name, canonicalLink: `${host}/author/${slugify(name)}`, updatedAt: iso(ctx.baseMs - random.between(30, 400) * DAY) };
      state.authors.set(author.id, author);
      return author;
    });
    const categories = CATEGORY_LABELS.map((label) => {
      const category = { id: store.newObjectId(), locationId: location.id, label, urlSlug: slugify(label), canonicalLink: `${host}/category/${slugify(label)}`, updatedAt: iso(ctx.baseMs - random.between(30, 400) * DAY) };
      state.categories.set(category.id, category);
      return category;
    });
    for (const [i, topic] of TOPICS.entries()) {
      const blog = blogs[i % blogs.length]!;
      const status = i === TOPICS.length - 1 ? 'SCHEDULED' : random.pick(STATUSES);
      // A scheduled post publishes years after the seed date (still ahead of a real clock); the others went out in the year before it.
      const publishedAt = status === 'SCHEDULED' ? ctx.baseMs + random.between(3650, 4000) * DAY : ctx.baseMs - random.between(1, 365) * DAY - random.int(DAY);
      const urlSlug = `${slugify(topic)}-${n + 1}`;
      const post = {
        id: store.newObjectId(),
        locationId: location.id,
        blogId: blog.id,
        title: topic,
        description: `${topic}: a simulated post.`,
        imageUrl: `${host}/media/${urlSlug}.jpg`,
        imageAltText: topic,
        rawHTML: `<h1>${topic}</h1><p>A simulated post.</p>`,
        status,
        categories: random.sample(categories, random.between(1, 2)).map((c) => c.id),
        tags: random.sample(['news', 'tips', 'seo', 'team', 'product'], random.between(0, 2)),
        author: random.pick(authors).id,
        urlSlug,
        canonicalLink: `${blog.baseUrl}/post/${urlSlug}`,
        publishedAt: iso(publishedAt),
        updatedAt: iso(Math.min(publishedAt, ctx.baseMs) + random.int(DAY)),
      };
      state.posts.set(post.id, post);
    }
  }
}
