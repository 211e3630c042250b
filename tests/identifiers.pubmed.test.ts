import { describe, expect, it } from 'vitest';
import { parsePmcid, parsePmid, pmcUrl, pubmedUrl } from '../src/identifiers/index.js';

describe('parsePmid', () => {
  it.each([
    ['37424412', '37424412'],
    ['1', '1'],
    [' PMID: 37424412 ', '37424412'],
    ['pmid 37424412', '37424412'],
    ['00012345', '12345'],
    ['https://pubmed.ncbi.nlm.nih.gov/37424412/', '37424412'],
    ['https://pubmed.ncbi.nlm.nih.gov/37424412', '37424412'],
    ['https://www.ncbi.nlm.nih.gov/pubmed/37424412', '37424412'],
    ['http://www.ncbi.nlm.nih.gov/pubmed/37424412?dopt=Abstract', '37424412'],
    ['/pubmed/37424412', '37424412'],
  ])('reads %j as %j', (input, expected) => {
    expect(parsePmid(input)).toEqual({ ok: true, value: expected });
  });

  it.each(['123456789', 'PMID123x', '', '0', '12 34', 'https://example.org/pubmed/1x', 'https://www.ncbi.nlm.nih.gov/pmc/articles/PMC10335903/'])(
    'refuses %j with pmid.invalid',
    (input) => {
      expect(parsePmid(input)).toMatchObject({ ok: false, code: 'pmid.invalid' });
    },
  );
});

describe('parsePmcid', () => {
  it.each([
    ['PMC10335903', 'PMC10335903'],
    ['pmc10335903', 'PMC10335903'],
    ['PMCID: PMC10335903', 'PMC10335903'],
    ['https://pmc.ncbi.nlm.nih.gov/articles/PMC10335903/', 'PMC10335903'],
    ['https://www.ncbi.nlm.nih.gov/pmc/articles/PMC10335903/', 'PMC10335903'],
    ['/pmc/articles/PMC10335903/', 'PMC10335903'],
  ])('reads %j as %j', (input, expected) => {
    expect(parsePmcid(input)).toEqual({ ok: true, value: expected });
  });

  it.each(['PMCX1', 'PMC', '10335903', 'PMC 123', 'https://pubmed.ncbi.nlm.nih.gov/37424412/'])('refuses %j with pmcid.invalid', (input) => {
    expect(parsePmcid(input)).toMatchObject({ ok: false, code: 'pmcid.invalid' });
  });
});

describe('canonical PubMed and PMC URLs', () => {
  it('builds the current NCBI URLs', () => {
    expect(pubmedUrl('37424412')).toBe('https://pubmed.ncbi.nlm.nih.gov/37424412/');
    expect(pmcUrl('PMC10335903')).toBe('https://pmc.ncbi.nlm.nih.gov/articles/PMC10335903/');
  });

  it('reads its own URLs back', () => {
    expect(parsePmid(pubmedUrl('37424412'))).toEqual({ ok: true, value: '37424412' });
    expect(parsePmcid(pmcUrl('PMC10335903'))).toEqual({ ok: true, value: 'PMC10335903' });
  });
});
