// Question intent: is it an ownership question at all, or a price, status, how-to, other-cloud or HR question?
import { ASKING_WORDS, OFF_TOPIC_PHRASES, OWNERSHIP_CUES } from './lexicon-signals.ts';
import { tokenize } from './normalize.ts';

export interface Intent {
  /** Off-topic category that rules the question out (other cloud, personal device, price, status, org). */
  offTopic: string | null;
  /** A how-to question ("how do I mount…"): off-topic unless it also asks who is responsible. */
  howTo: boolean;
  /** The question asks who owns, patches, manages… something. */
  ownership: boolean;
  /** It says so outright: "who", "whose", "responsible", "accountable", "owns"… */
  asksWho: boolean;
  /** The off-topic category is a word that also occurs in real SRM questions ("an outage", "the exec meeting"). */
  softOffTopic: boolean;
}

export interface IntentContext {
  /** The question names an AWS service, or AWS, Amazon or the cloud: it is about AWS whatever else it says. */
  anchored: boolean;
}

/** Categories that rule a question out even when it also asks "who". */
const HARD = new Set(['other-cloud', 'personal', 'price', 'status', 'org', 'person', 'team']);
/** Of those, the ones a question can mention in passing while still asking who owns an AWS control. */
const SOFT = new Set(['status', 'org']);
/**
 * Words that turn a service-status word into a design question: "survive an AZ outage" asks who builds for
 * failure, not whether something is down.
 */
const RESILIENCE_CUES = new Set(
  'survive survives surviving withstand withstands tolerate tolerates resilient resilience failover recover'.split(
    ' ',
  ),
);
/** Words shortly before a non-AWS place that mean the asker is leaving it or comparing with it. */
const LEAVING = new Set(
  'from out leaving left migrate migrating migrated moving move moved exit exiting than unlike versus vs compared'.split(
    ' ',
  ),
);
const LEAVING_WINDOW = 3;
/** Words shortly before an off-topic phrase that set it aside ("not a pricing question", "forget Azure"). */
const ASIDE_BEFORE = new Set(['not', 'forget', 'besides', 'ignoring', 'ignore']);
const ASIDE_WINDOW = 2;
/** Openings of a request for a definition or explanation. */
const DEFINITION_STARTS = [
  ' what is ',
  ' what are ',
  ' what does ',
  ' define ',
  ' explain ',
  ' describe ',
  ' meaning of ',
];

/** "who is our SOC 2 auditor", "who should be the incident commander": asks for a person, not a party's duty. */
const PERSON_QUESTION = /^ who (?:is |are |was |will be |should be )?(?:our|the|my) /;
/** "who in our org triages …", "who on our team owns …": one of our own people. */
const OUR_PEOPLE = /^ who (?:in|on|at) (?:our|the) (?:team|org|organization|organisation|company|squad) /;
/** "who approved the PR …", "who deleted the bucket": asks who did something, which is an audit log's question. */
const PAST_DEED =
  /^ who (?:approved|changed|deleted|created|modified|merged|broke|pushed|launched|wrote|opened|closed|added|removed|reviewed|deployed) /;
/** Cue words that only name a party ("who", "our", "AWS"); the rest name a duty ("patches", "owns", "job"). */
const PARTY_WORDS = new Set(
  'who whose whom us we our aws amazon them they customer customers side'.split(' '),
);

/** Off-topic phrases as ` word word ` (to find them in ` ${words.join(' ')} `), with their word counts. */
const PHRASES: Array<{ phrase: string; length: number; category: string }> = Object.entries(
  OFF_TOPIC_PHRASES,
).flatMap(([category, list]) =>
  list.map((p) => {
    const tokens = tokenize(p);
    return { phrase: ` ${tokens.join(' ')} `, length: tokens.length, category };
  }),
);

export function readIntent(words: string[], context: IntentContext = { anchored: false }): Intent {
  const text = ` ${words.join(' ')} `;
  let offTopic: string | null = null;
  let howTo = false;
  for (const { phrase, length, category } of PHRASES) {
    const at = text.indexOf(phrase);
    if (at < 0) continue;
    const index = wordIndex(text, at);
    if (setAside(words, index, length)) continue;
    if (category === 'status' && words.some((w) => RESILIENCE_CUES.has(w))) continue;
    // Servers on premises or in a colo are not AWS's, unless the question is about AWS or leaving them.
    if (category === 'elsewhere') {
      if (!context.anchored && !leaving(words, index)) offTopic ??= category;
      continue;
    }
    if (HARD.has(category)) offTopic ??= category;
    else howTo = true;
  }
  const ownership = words.some((w) => OWNERSHIP_CUES.has(w));
  if (!offTopic && asksForAPerson(text, words)) offTopic = 'person';
  // "what is an s3 bucket?" asks for a definition; with no word about owning or doing, nobody's job is asked.
  if (!ownership && DEFINITION_STARTS.some((start) => text.startsWith(start))) howTo = true;
  const asksWho = words.some((w) => ASKING_WORDS.has(w));
  if (howTo && asksWho) howTo = false;
  return { offTopic, howTo, ownership, asksWho, softOffTopic: offTopic !== null && SOFT.has(offTopic) };
}

function asksForAPerson(text: string, words: string[]): boolean {
  if (PAST_DEED.test(text) || OUR_PEOPLE.test(text)) return true;
  return PERSON_QUESTION.test(text) && !words.some((w) => OWNERSHIP_CUES.has(w) && !PARTY_WORDS.has(w));
}

/** "Not a pricing question", "forget Azure", "status page aside": the asker sets the phrase aside. */
function setAside(words: string[], index: number, length: number): boolean {
  if (words[index + length] === 'aside') return true;
  for (let i = Math.max(0, index - ASIDE_WINDOW); i < index; i++)
    if (ASIDE_BEFORE.has(words[i] ?? '')) return true;
  return false;
}

/** Index of the word that starts at character `at` of ` ${words.join(' ')} `. */
function wordIndex(text: string, at: number): number {
  return text.slice(0, at + 1).split(' ').length - 2;
}

function leaving(words: string[], index: number): boolean {
  for (let i = Math.max(0, index - LEAVING_WINDOW); i < index; i++)
    if (LEAVING.has(words[i] ?? '')) return true;
  return false;
}
