import { describe, expect, it } from 'vitest';
import { parseIsbn, parseIssn } from '../src/identifiers/index.js';

describe('parseIsbn', () => {
  it.each([
    ['9780306406157', '9780306406157'],
    ['978-0-306-40615-7', '9780306406157'],
    ['978 0 306 40615 7', '9780306406157'],
    ['0-306-40615-2', '9780306406157'],
    ['0306406152', '9780306406157'],
    ['9780306406157 (pbk.)', '9780306406157'],
    ['0-306-40615-2 :', '9780306406157'],
    ['0374249407:', '9780374249403'],
    ['1558612742 (pbk. : alk. paper)', '9781558612747'],
    ['0931688175 (cloth) :', '9780931688171'],
    ['9780306406157 pbk.', '9780306406157'],
    ['ISBN 0-306-40615-2', '9780306406157'],
    ['ISBN-13: 978-0-306-40615-7', '9780306406157'],
    ['080442957X', '9780804429573'],
    ['080442957x', '9780804429573'],
    ['9798644293513', '9798644293513'],
  ])('reads %j as ISBN-13 %j', (input, expected) => {
    expect(parseIsbn(input)).toEqual({ ok: true, value: expected });
  });

  it.each(['9780306406150', '0-306-40615-3', '0804429579', '9798644293514'])('refuses %j with isbn.checksum', (input) => {
    expect(parseIsbn(input)).toMatchObject({ ok: false, code: 'isbn.checksum' });
  });

  it.each(['12345', '', 'invalid-isbn', '97803064061570', '9770306406157', '08044X9579', '0306406152abc', 'X306406152'])(
    'refuses %j with isbn.invalid',
    (input) => {
      expect(parseIsbn(input)).toMatchObject({ ok: false, code: 'isbn.invalid' });
    },
  );

  it.each([
    ['invalid-isbn', 'does not start with a digit'],
    ['12345', 'has 5 digits'],
    ['1', 'has 1 digit;'],
  ])('says what is wrong with %j', (input, wording) => {
    const parsed = parseIsbn(input);
    expect(parsed.ok === false && parsed.message).toContain(wording);
  });

  it('names the expected check digit', () => {
    const parsed = parseIsbn('9780306406150');
    expect(parsed.ok === false && parsed.message).toContain('expected 7');
  });
});

describe('parseIssn', () => {
  it.each([
    ['0378-5955', '0378-5955'],
    ['03785955', '0378-5955'],
    ['0378 5955', '0378-5955'],
    ['0041-7084', '0041-7084'],
    ['2434-561X', '2434-561X'],
    ['2434-561x', '2434-561X'],
    ['ISSN 0041-7084', '0041-7084'],
    ['ISSN: 0041-7084 (print)', '0041-7084'],
  ])('reads %j as %j', (input, expected) => {
    expect(parseIssn(input)).toEqual({ ok: true, value: expected });
  });

  it.each(['0378-5956', '2434-5610'])('refuses %j with issn.checksum', (input) => {
    expect(parseIssn(input)).toMatchObject({ ok: false, code: 'issn.checksum' });
  });

  it.each(['12345', '0378-59555', '03X8-5955', '', 'abcd-efgh', '0378--5955'])('refuses %j with issn.invalid', (input) => {
    expect(parseIssn(input)).toMatchObject({ ok: false, code: 'issn.invalid' });
  });
});
