import { expectNoErrors, type Stack } from '../helpers/stack.js';
import type { CoverageCase } from './case.js';

async function mutate(stack: Stack, field: string, inputType: string, input: Record<string, unknown>): Promise<any> {
  const data: any = expectNoErrors(await stack.execute(`mutation($input: ${inputType}!) { ${field}(input: $input) { blogPost { id } userErrors { code field message } } }`, { input }));
  const payload = data[field];
  if (payload.userErrors.length) throw new Error(`${field} refused: ${JSON.stringify(payload.userErrors)}`);
  return payload;
}

/** Catalog coverage for blogs: each case reaches its GHL operations through GraphQL. */
export const cases: CoverageCase[] = [
  {
    name: 'blogs: sites, authors, categories, posts with their authors and categories, slug check, create and update a post',
    operations: [
      'GET /blogs/site/all',
      'GET /blogs/authors',
      'GET /blogs/categories',
      'GET /blogs/posts/all',
      'GET /blogs/posts/url-slug-exists',
      'POST /blogs/posts',
      'PUT /blogs/posts/{postId}',
    ],
    async run(stack) {
      const data: any = expectNoErrors(await stack.execute(`{ blogs { nodes { id } } blogAuthors { nodes { id } } blogCategories { nodes { id } } }`));
      const blogId = data.blogs.nodes[0].id as string;
      expectNoErrors(await stack.execute(`query($id: ID!) { blogPosts(blogId: $id) { nodes { id author { name } categories { label } } } }`, { id: blogId }));
      const free: any = expectNoErrors(await stack.execute(`{ blogPostSlugAvailable(slug: "coverage-post") }`));
      if (free.blogPostSlugAvailable !== true) throw new Error('the coverage slug is already taken');
      const created = await mutate(stack, 'blogPostCreate', 'BlogPostCreateInput', {
        blogId,
        title: 'Coverage post',
        rawHtml: '<p>Coverage</p>',
        urlSlug: 'coverage-post',
        status: 'DRAFT',
        authorId: data.blogAuthors.nodes[0].id,
        categoryIds: [data.blogCategories.nodes[0].id],
      });
      await mutate(stack, 'blogPostUpdate', 'BlogPostUpdateInput', { id: created.blogPost.id, blogId, rawHtml: '<p>Coverage, edited</p>', status: 'PUBLISHED' });
    },
  },
];
