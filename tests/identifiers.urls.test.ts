import { describe, expect, it } from 'vitest';
import { identifiersFromPath, identifiersFromUrl, parseHttpUrl } from '../src/identifiers/index.js';

describe('parseHttpUrl', () => {
  it.each([
    ['http://fictional.com/sample/url', 'http://fictional.com/sample/url'],
    ['https://www.ncbi.nlm.nih.gov/pmc/articles/PMC10335903/', 'https://www.ncbi.nlm.nih.gov/pmc/articles/PMC10335903/'],
    [' ftp://ftp.example.org/pub/a.txt ', 'ftp://ftp.example.org/pub/a.txt'],
    ['HTTP://Example.ORG', 'http://example.org/'],
  ])('accepts %j as %j', (input, expected) => {
    expect(parseHttpUrl(input)).toEqual({ ok: true, value: expected });
  });

  it.each(['www.example.org/x', '/pubmed/37424412', 'mailto:someone@example.org', 'javascript:alert(1)', 'file:///etc/passwd', 'http://', '', 'URL'])(
    'refuses %j with url.invalid',
    (input) => {
      expect(parseHttpUrl(input)).toMatchObject({ ok: false, code: 'url.invalid' });
    },
  );
});

describe('identifiersFromUrl', () => {
  it('recognises the seed record\'s three links', () => {
    expect(identifiersFromUrl('https://www.ncbi.nlm.nih.gov/pmc/articles/PMC10335903/')).toEqual({ pmcid: 'PMC10335903' });
    expect(identifiersFromUrl('https://www.ncbi.nlm.nih.gov/pubmed/37424412')).toEqual({ pmid: '37424412' });
    expect(identifiersFromUrl('http://dx.doi.org/10.9758/cpn.22.1034')).toEqual({ doi: '10.9758/cpn.22.1034' });
  });

  it.each([
    ['https://pubmed.ncbi.nlm.nih.gov/37424412/', { pmid: '37424412' }],
    ['https://pmc.ncbi.nlm.nih.gov/articles/PMC10335903/', { pmcid: 'PMC10335903' }],
    ['https://www.ncbi.nlm.nih.gov/pmc/articles/pmid/37424412/', { pmid: '37424412' }],
    ['https://doi.org/10.9758/cpn.22.1034', { doi: '10.9758/cpn.22.1034' }],
    ['https://doi.org/10.1000/a%3Cb%3E', { doi: '10.1000/a<b>' }],
    ['www.ncbi.nlm.nih.gov/pubmed/37424412', { pmid: '37424412' }],
    ['https://europepmc.org/article/MED/37424412', { pmid: '37424412' }],
    ['https://europepmc.org/article/PMC/PMC10335903', { pmcid: 'PMC10335903' }],
    ['/pmc/articles/PMC10335903/', { pmcid: 'PMC10335903' }],
    ['/pubmed/37424412', { pmid: '37424412' }],
  ])('reads %j', (input, expected) => {
    expect(identifiersFromUrl(input)).toEqual(expected);
  });

  it.each(['https://example.org/pubmed/37424412', 'https://www.ncbi.nlm.nih.gov/pubmed/', 'not a url'])(
    'finds nothing in %j',
    (input) => {
      expect(identifiersFromUrl(input)).toEqual({});
    },
  );

  it.each([
    ['https://doi.org/11.1/x', 'doi.invalid'],
    ['http://dx.doi.org/10.1O38/s41598-023-01234-5', 'doi.invalid'],
    ['https://pubmed.ncbi.nlm.nih.gov/abc/', 'pmid.invalid'],
    ['https://www.ncbi.nlm.nih.gov/pubmed/123456789', 'pmid.invalid'],
    ['https://www.ncbi.nlm.nih.gov/pmc/articles/PMCX1/', 'pmcid.invalid'],
  ])('says why the identifier in %j is refused (%s), and gives none', (input, code) => {
    const linked = identifiersFromUrl(input);
    expect(linked.refused?.code).toBe(code);
    expect([linked.doi, linked.pmid, linked.pmcid]).toEqual([undefined, undefined, undefined]);
  });
});

describe('identifiersFromPath', () => {
  it('reads the relative NCBI paths found in VuFind spelling text', () => {
    expect(identifiersFromPath('/pmc/articles/PMC10335903/')).toEqual({ pmcid: 'PMC10335903' });
    expect(identifiersFromPath('/pubmed/37424412')).toEqual({ pmid: '37424412' });
    expect(identifiersFromPath('/articles/PMC10335903/')).toEqual({ pmcid: 'PMC10335903' });
    expect(identifiersFromPath('/pubmed/37424412?report=abstract')).toEqual({ pmid: '37424412' });
  });

  it('finds nothing in other paths', () => {
    expect(identifiersFromPath('/pmc/journals/')).toEqual({});
    expect(identifiersFromPath('/')).toEqual({});
  });
});
