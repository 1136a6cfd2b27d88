import { describe, expect, it } from 'vitest';
import { withPeople } from '../../../src/ingest/actors.ts';
import { tokenize } from '../../../src/text/tokens.ts';
import { projectIngestor } from './helpers.ts';

describe('the matcher with an article’s own people', () => {
  it('the longest name wins across the data and the added people; the data is not rebuilt', () => {
    const { matcher } = projectIngestor();
    const extended = withPeople(matcher, [{ name: 'كيم سو يون', role: 'مديرة' }]);
    const text = 'التقت كيم سو يون الرئيس فلاديمير بوتين ثم كيم جونغ أون.';
    const tokens = tokenize(text);
    const ids = extended.mentions(tokens, extended.namedInFull(tokens)).map((m) => m.actorId);
    expect(ids).toEqual(['كيم سو يون', 'vladimir-putin', 'kim-jong-un']);
    expect(extended.byId.get('vladimir-putin')).toBe(matcher.byId.get('vladimir-putin'));
    // The data's matcher does not know her.
    expect(matcher.mentions(tokens, matcher.namedInFull(tokens)).map((m) => m.actorId)).not.toContain('كيم سو يون');
  });

  it('a word of a full name is no name when a place’s name holds it', () => {
    const { matcher } = projectIngestor();
    const extended = withPeople(matcher, [{ name: 'بيونغ سو تشول' }]);
    const text = 'وصل بيونغ سو تشول إلى بيونغ يانغ، وقال بيونغ إن الرحلة طويلة.';
    const tokens = tokenize(text);
    const ids = extended.mentions(tokens, extended.namedInFull(tokens)).map((m) => m.actorId);
    expect(ids).toEqual(['بيونغ سو تشول', 'pyongyang', 'بيونغ سو تشول']);
  });
});
