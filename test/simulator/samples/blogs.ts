import { blogsState } from '../../../src/simulator/domains/blogs-state.js';
import { call } from '../helpers.js';
import type { DomainSamples } from './types.js';

/** Success samples for the blogs operations the simulator serves. */
export const blogsSamples: DomainSamples = (env) => {
  const state = () => blogsState(env().sim.store);
  const blog = () => state().listBlogs(env().loc.id)[0]!;
  const postBody = (slug: string) => ({
    locationId: env().loc.id,
    blogId: blog().id,
    title: 'Sample post',
    description: 'A sample.',
    imageUrl: 'https://example.com/sample.jpg',
    imageAltText: 'Sample',
    rawHTML: '<p>Sample</p>',
    status: 'PUBLISHED',
    categories: [state().listCategories(env().loc.id)[0]!.id],
    tags: ['sample'],
    author: state().listAuthors(env().loc.id)[0]!.id,
    urlSlug: slug,
    publishedAt: '2025-02-05T18:30:47.000Z',
  });

  return {
    'GET /blogs/posts/url-slug-exists': () => call(env().sim, 'GET', '/blogs/posts/url-slug-exists', { query: { locationId: env().loc.id, urlSlug: 'no-such-post' } }),
    'GET /blogs/authors': () => call(env().sim, 'GET', '/blogs/authors', { query: { locationId: env().loc.id, limit: 5, offset: 0 } }),
    'GET /blogs/categories': () => call(env().sim, 'GET', '/blogs/categories', { query: { locationId: env().loc.id, limit: 5, offset: 0 } }),
    'GET /blogs/posts/all': () => call(env().sim, 'GET', '/blogs/posts/all', { query: { locationId: env().loc.id, blogId: blog().id, limit: 4, offset: 0 } }),
    'GET /blogs/site/all': () => call(env().sim, 'GET', '/blogs/site/all', { query: { locationId: env().loc.id, skip: 0, limit: 4 } }),
    'POST /blogs/posts': () => call(env().sim, 'POST', '/blogs/posts', { body: postBody('sample-post-create') }),
    'PUT /blogs/posts/{postId}': async () => {
      const made = await call(env().sim, 'POST', '/blogs/posts', { body: postBody('sample-post-update') });
      return call(env().sim, 'PUT', `/blogs/posts/${made.body.data._id}`, { body: { ...postBody('sample-post-updated'), title: 'Updated sample' } });
    },
  };
};
