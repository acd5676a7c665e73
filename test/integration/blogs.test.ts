import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { blogsState } from '../../src/simulator/domains/blogs-state.js';
import { countByRoute, expectNoErrors, startStack, type Stack } from '../helpers/stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.stop());
beforeEach(() => stack.resetLog());

type UserErrors = { code: string; field: string[] | null; message: string }[];
type PostPayload = { blogPost: Record<string, any> | null; userErrors: UserErrors };

const POST_FIELDS = `id blogId title urlSlug status archived tags publishedAt authorId categoryIds author { id name } categories { id label }`;
const CREATE = `mutation($input: BlogPostCreateInput!) { blogPostCreate(input: $input) { blogPost { ${POST_FIELDS} } userErrors { code field message } } }`;
const UPDATE = `mutation($input: BlogPostUpdateInput!) { blogPostUpdate(input: $input) { blogPost { ${POST_FIELDS} } userErrors { code field message } } }`;
const SLUG_FREE = `query($slug: String!, $postId: ID) { blogPostSlugAvailable(slug: $slug, postId: $postId) }`;

const location = () => stack.simulator.locations[0]!;
const state = () => blogsState(stack.simulator.store);
const DAY = 86_400_000;

/** Ids the create needs, read through the graph once. */
async function fixtures() {
  const res: any = expectNoErrors(await stack.execute(`{ blogs { nodes { id name } } blogAuthors { nodes { id name } } blogCategories { nodes { id label } } }`));
  return { blog: res.blogs.nodes[0], author: res.blogAuthors.nodes[0], categories: res.blogCategories.nodes.slice(0, 2) };
}

const newPost = (blogId: string, authorId: string, categoryIds: string[], urlSlug: string) => ({
  blogId,
  title: 'Launch week',
  rawHtml: '<p>Hello</p>',
  urlSlug,
  status: 'PUBLISHED',
  authorId,
  categoryIds,
  tags: ['launch'],
  description: 'All about launch week.',
  imageUrl: 'https://cdn.example.com/launch.jpg',
  publishedAt: '2025-01-10T09:00:00.000Z',
});

describe('blogs', () => {
  it('creates a post, sees its slug taken, updates it, and lists posts with authors and categories in one call each', async () => {
    const { blog, author, categories } = await fixtures();
    expect(countByRoute(stack.upstream())).toEqual({ 'GET /blogs/site/all': 1, 'GET /blogs/authors': 1, 'GET /blogs/categories': 1 });

    stack.resetLog();
    const created = expectNoErrors(await stack.execute<{ blogPostCreate: PostPayload }>(CREATE, { input: newPost(blog.id, author.id, categories.map((c: any) => c.id), 'launch-week') }));
    expect(created.blogPostCreate.userErrors).toEqual([]);
    const post = created.blogPostCreate.blogPost!;
    expect(post).toMatchObject({
      blogId: blog.id,
      title: 'Launch week',
      urlSlug: 'launch-week',
      status: 'PUBLISHED',
      archived: false,
      tags: ['launch'],
      publishedAt: '2025-01-10T09:00:00.000Z',
      author: { id: author.id, name: author.name },
      categories,
    });
    expect(state().posts.get(post.id)).toMatchObject({ blogId: blog.id, rawHTML: '<p>Hello</p>', urlSlug: 'launch-week' });
    // The post's author and categories come from the location's whole directories, one read each.
    expect(stack.upstream().map((r) => [r.method, r.route, r.status, r.query['limit'] ?? null])).toEqual([
      ['POST', '/blogs/posts', 200, null],
      ['GET', '/blogs/authors', 200, '100'],
      ['GET', '/blogs/categories', 200, '100'],
    ]);

    stack.resetLog();
    const taken: any = expectNoErrors(await stack.execute(SLUG_FREE, { slug: 'launch-week' }));
    const own: any = expectNoErrors(await stack.execute(SLUG_FREE, { slug: 'launch-week', postId: post.id }));
    expect([taken.blogPostSlugAvailable, own.blogPostSlugAvailable]).toEqual([false, true]);
    expect(stack.upstream().map((r) => [r.route, r.query['urlSlug'], r.query['postId'] ?? null])).toEqual([
      ['/blogs/posts/url-slug-exists', 'launch-week', null],
      ['/blogs/posts/url-slug-exists', 'launch-week', post.id],
    ]);

    stack.resetLog();
    const updated = expectNoErrors(await stack.execute<{ blogPostUpdate: PostPayload }>(UPDATE, { input: { id: post.id, blogId: blog.id, rawHtml: '<p>Hello again</p>', title: 'Launch week, day two', tags: ['launch', 'day-two'] } }));
    expect(updated.blogPostUpdate.userErrors).toEqual([]);
    // Fields left out kept their values: GHL got the post as it was, with the changes over it.
    expect(updated.blogPostUpdate.blogPost).toMatchObject({ id: post.id, title: 'Launch week, day two', urlSlug: 'launch-week', tags: ['launch', 'day-two'], categoryIds: post.categoryIds, authorId: author.id, publishedAt: post.publishedAt });
    expect(state().posts.get(post.id)!.rawHTML).toBe('<p>Hello again</p>');
    expect(stack.upstream().map((r) => [r.method, r.route, r.status])).toEqual([
      ['GET', '/blogs/posts/all', 200],
      ['PUT', '/blogs/posts/{postId}', 200],
    ]);

    stack.resetLog();
    const listed: any = expectNoErrors(await stack.execute(`query($blogId: ID!) { blogPosts(blogId: $blogId, first: 50) { nodes { id title author { name } categories { label } } } }`, { blogId: blog.id }));
    const nodes = listed.blogPosts.nodes;
    expect(nodes.length).toBe(state().listPosts(blog.id).length);
    expect(nodes.find((n: any) => n.id === post.id)).toEqual({ id: post.id, title: 'Launch week, day two', author: { name: author.name }, categories: categories.map((c: any) => ({ label: c.label })) });
    const authorsById = new Map(state().listAuthors(location().id).map((a) => [a.id, a.name]));
    for (const n of nodes) expect(n.author.name).toBe(authorsById.get(state().posts.get(n.id)!.author));
    // The post list was invalidated by the update; the directories are still cached from the create.
    expect(countByRoute(stack.upstream())).toEqual({ 'GET /blogs/posts/all': 1 });
  });

  it('reads authors and categories once per request however many posts ask', async () => {
    // The second seeded location, whose authors and categories nothing has read yet.
    const other = stack.simulator.locations[1]!;
    const otherBlog = state().listBlogs(other.id)[0]!;
    stack.resetLog();
    const res: any = expectNoErrors(
      await stack.execute(`query($blogId: ID!) { blogPosts(blogId: $blogId) { nodes { author { name } categories { label } } } }`, { blogId: otherBlog.id }, { 'x-location-id': other.id }),
    );
    expect(res.blogPosts.nodes.length).toBeGreaterThan(3);
    expect(countByRoute(stack.upstream())).toEqual({ 'GET /blogs/posts/all': 1, 'GET /blogs/authors': 1, 'GET /blogs/categories': 1 });
  });

  it('refuses bad input before calling GHL: slug format, blank title, publish dates', async () => {
    const { blog, author } = await fixtures();
    stack.resetLog();
    const future = new Date(Date.now() + 30 * DAY).toISOString();
    const past = new Date(Date.now() - 30 * DAY).toISOString();
    const cases: [Record<string, unknown>, string, string[]][] = [
      [{ urlSlug: 'Not A Slug' }, 'INVALID', ['input', 'urlSlug']],
      [{ title: '   ' }, 'BLANK', ['input', 'title']],
      [{ status: 'SCHEDULED', publishedAt: undefined }, 'REQUIRED', ['input', 'publishedAt']],
      [{ status: 'SCHEDULED', publishedAt: past }, 'INVALID', ['input', 'publishedAt']],
      [{ status: 'PUBLISHED', publishedAt: future }, 'INVALID', ['input', 'publishedAt']],
      [{ imageUrl: 'ftp://example.com/x.jpg' }, 'INVALID', ['input', 'imageUrl']],
    ];
    for (const [change, code, field] of cases) {
      const res = expectNoErrors(await stack.execute<{ blogPostCreate: PostPayload }>(CREATE, { input: { ...newPost(blog.id, author.id, [], 'checked-slug'), ...change } }));
      expect(res.blogPostCreate.blogPost).toBeNull();
      expect(res.blogPostCreate.userErrors).toEqual([expect.objectContaining({ code, field })]);
    }
    const update = expectNoErrors(await stack.execute<{ blogPostUpdate: PostPayload }>(UPDATE, { input: { id: 'x', blogId: blog.id, rawHtml: '<p/>', urlSlug: 'Bad--slug' } }));
    expect(update.blogPostUpdate.userErrors).toEqual([expect.objectContaining({ code: 'INVALID', field: ['input', 'urlSlug'] })]);
    expect(stack.upstream()).toHaveLength(0);

    // A future date is fine when scheduled.
    const scheduled = expectNoErrors(await stack.execute<{ blogPostCreate: PostPayload }>(CREATE, { input: { ...newPost(blog.id, author.id, [], 'scheduled-post'), status: 'SCHEDULED', publishedAt: future } }));
    expect(scheduled.blogPostCreate).toMatchObject({ userErrors: [], blogPost: { status: 'SCHEDULED', publishedAt: future } });
  });

  it("turns GHL's refusals into user errors: a taken slug, an unknown author, an unknown post", async () => {
    const { blog, author } = await fixtures();
    const taken = state().listPosts(blog.id)[0]!.urlSlug;
    stack.resetLog();
    const dup = expectNoErrors(await stack.execute<{ blogPostCreate: PostPayload }>(CREATE, { input: newPost(blog.id, author.id, [], taken) }));
    expect(dup.blogPostCreate).toEqual({ blogPost: null, userErrors: [expect.objectContaining({ code: 'TAKEN', field: ['input', 'urlSlug'] })] });
    const noAuthor = expectNoErrors(await stack.execute<{ blogPostCreate: PostPayload }>(CREATE, { input: newPost(blog.id, '000000000000000000000000', [], 'no-author-post') }));
    expect(noAuthor.blogPostCreate.userErrors).toEqual([expect.objectContaining({ code: 'REJECTED', field: ['input', 'authorId'] })]);
    const noPost = expectNoErrors(await stack.execute<{ blogPostUpdate: PostPayload }>(UPDATE, { input: { id: '000000000000000000000000', blogId: blog.id, rawHtml: '<p/>' } }));
    expect(noPost.blogPostUpdate).toEqual({ blogPost: null, userErrors: [expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'id'] })] });
    // Two refused creates reached GHL once each; the unknown post cost one read and no write.
    expect(countByRoute(stack.upstream())).toEqual({ 'POST /blogs/posts': 2, 'GET /blogs/posts/all': 1 });
  });

  it('pages posts without overlap, through a filter', async () => {
    const blog = state().listBlogs(location().id)[0]!;
    const expected = state().listPosts(blog.id).map((p) => p.id);
    const seen: string[] = [];
    let after: string | null = null;
    stack.resetLog();
    do {
      const page: any = expectNoErrors(await stack.execute(`query($id: ID!, $after: String) { blogPosts(blogId: $id, first: 2, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }`, { id: blog.id, after }));
      seen.push(...page.blogPosts.nodes.map((n: any) => n.id));
      after = page.blogPosts.pageInfo.hasNextPage ? page.blogPosts.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(expected);
    expect(stack.upstream()).toHaveLength(Math.ceil(expected.length / 2));
    expect(stack.upstream().map((r) => r.query['offset'])).toEqual(Array.from({ length: Math.ceil(expected.length / 2) }, (_, i) => String(i * 2)));

    const drafts: any = expectNoErrors(await stack.execute(`query($id: ID!) { blog: blogs(first: 1) { nodes { posts(filter: { status: PUBLISHED }) { nodes { status } } } } one: blogPosts(blogId: $id, filter: { search: "LAUNCH" }) { nodes { title } } }`, { id: blog.id }));
    expect(drafts.blog.nodes[0].posts.nodes.every((p: any) => p.status === 'PUBLISHED')).toBe(true);
    expect(drafts.one.nodes.every((p: any) => /launch/i.test(p.title))).toBe(true);
  });
});
