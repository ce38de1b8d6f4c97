import { describe, expect, it } from 'vitest';
import { fileNameOf, looksLikePath } from '../../src/pptx/finish/alt-text.js';
import { scriptOfLanguage } from '../../src/pptx/finish/fonts.js';
import { derivedGuid } from '../../src/pptx/finish/guids.js';
import { naturalCompare } from '../../src/pptx/opc/parts.js';
import { relativeTarget, relsPartOf, resolveTarget, sourceOfRels } from '../../src/pptx/opc/relationships.js';

describe('image descriptions', () => {
  it.each([
    ['/home/me/assets/logo.png', true],
    ['C:\\Users\\me\\logo.png', true],
    ['./assets/logo.png', true],
    ['file:///tmp/x.png', true],
    ['assets/logo.png', true],
    ['2023/2024 營收比較', false],
    ['公司標誌', false],
    ['', false],
  ])('%j looks like a path: %s', (description, expected) => expect(looksLikePath(description)).toBe(expected));

  it('keeps the file name', () => {
    expect(fileNameOf('/home/me/assets/logo.png')).toBe('logo.png');
    expect(fileNameOf('C:\\Users\\me\\標誌.png')).toBe('標誌.png');
  });
});

describe('relationship targets', () => {
  it('resolves relative and absolute targets to part names', () => {
    expect(resolveTarget('ppt/slides/slide1.xml', '../media/image1.png')).toBe('ppt/media/image1.png');
    expect(resolveTarget('ppt/slides/slide1.xml', '/ppt/charts/chart1.xml')).toBe('ppt/charts/chart1.xml');
    expect(resolveTarget('', 'ppt/presentation.xml')).toBe('ppt/presentation.xml');
    expect(resolveTarget('ppt/presentation.xml', 'slides/slide%201.xml')).toBe('ppt/slides/slide 1.xml');
  });

  it('writes relative targets', () => {
    expect(relativeTarget('ppt/slides/slide1.xml', 'ppt/media/image1.png')).toBe('../media/image1.png');
    expect(relativeTarget('ppt/presentation.xml', 'ppt/slides/slide1.xml')).toBe('slides/slide1.xml');
    expect(relativeTarget('', 'docProps/app.xml')).toBe('docProps/app.xml');
  });

  it('maps parts to their rels parts and back', () => {
    expect(relsPartOf('ppt/slides/slide1.xml')).toBe('ppt/slides/_rels/slide1.xml.rels');
    expect(relsPartOf('')).toBe('_rels/.rels');
    expect(sourceOfRels('ppt/slides/_rels/slide1.xml.rels')).toBe('ppt/slides/slide1.xml');
    expect(sourceOfRels('_rels/.rels')).toBe('');
  });
});

describe('small pure helpers', () => {
  it('sorts part names naturally', () => {
    expect(['slide10.xml', 'slide2.xml', 'slide1.xml'].sort(naturalCompare)).toEqual(['slide1.xml', 'slide2.xml', 'slide10.xml']);
  });

  it('maps languages to theme script slots', () => {
    expect(scriptOfLanguage('zh-TW')).toBe('Hant');
    expect(scriptOfLanguage('zh-HK')).toBe('Hant');
    expect(scriptOfLanguage('zh-CN')).toBe('Hans');
    expect(scriptOfLanguage('ja-JP')).toBe('Jpan');
    expect(scriptOfLanguage('en-US')).toBeUndefined();
  });

  it('derives stable, well-formed GUIDs', () => {
    expect(derivedGuid('a')).toBe(derivedGuid('a'));
    expect(derivedGuid('a')).not.toBe(derivedGuid('b'));
    expect(derivedGuid('a')).toMatch(/^\{[0-9A-F]{8}-[0-9A-F]{4}-5[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}\}$/);
  });
});
