// Matching vocabulary as data: filler words, phrases, abbreviations, synonyms and stem families.

/** Words that carry no topic meaning; dropped before scoring (question words are read as cues first). */
export const FILLER = new Set(
  `a an the is are was were be been being am do does did done doing i me my mine we us our ours ourselves myself
  you your yours it its it's this that these those there here of to for in on at by with from about into onto under
  over and or nor but if so then than too also just really actually quick quickly hey hi hello please pls plz thanks
  thank tell know wondering wonder question q can could would should will shall may might must have has had having
  need needs needed what what's which who who's whom whose how when where why whether any some all each every other
  another such same own owns owned owner owning responsible responsibility responsibilities job jobs duty duties
  side part hook problem call thing things stuff kind sort like ok okay yes no not still already now
  one someone somebody anyone anybody everyone everybody them they their theirs he she his her him aws amazon
  amazon's aws's web services cloud provider vendor handle handles handled handling take takes taking taken care
  cares make makes making sure get gets got go goes going want wants wanted say said says claim claimed think
  thought mean means meant i'm we're you're they're isn't aren't doesn't don't didn't can't won't whats whos
  hows thats that's lets let's ask asking confused clear team teams folks guy guys people someone's again ever
  really basically exactly which one either both vs versus per via etc e.g eg i.e ie way ways up down out off
  ourself themselves yourself even though while since because as only once supposed expected sit sits fall falls
  land lands belong belongs lie lies lol lmao tbh imo imho btw fyi afaik idk iirc ya yo yeah yep nope gonna wanna
  gotta kinda sorta honestly literally anyway anyways yall dude bro mate babysit babysits babysitting dont doesnt didnt isnt arent cant wont im ive youre theyre whats thats lets
  fault faults mistake mistakes blame blamed miss missed risk risks supposed accountable liable entirely totally
  use used uses using across came come comes coming last night yesterday today week weeks month months year
  years ago turn turns prod production currently recently eventually sort figure deal dealing
  right correct innit huh eh anything something somewhere anywhere whatever dumb silly stupid noob naive worry
  worried worrying concern concerned`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Case-sensitive rewrites applied before lowercasing, where case carries meaning
 * ("IT controls" is not the pronoun "it").
 */
export const CASED_REWRITES: ReadonlyArray<readonly [RegExp, string]> = [[/\bIT\b/g, ' itcontrol ']];

export { PHRASES } from './lexicon-phrases.ts';

export { EXACT_SYNONYMS, SYNONYMS } from './lexicon-synonyms.ts';

/** Extra tokens added beside a token (kept alongside it) when a word is a loose synonym. */
export const EXPANSIONS: Record<string, string[]> = {
  fix: ['patch'],
  kernel: ['os'],
  ubuntu: ['os'],
  linux: ['os'],
  windows: ['os'],
  rhel: ['os'],
  debian: ['os'],
  centos: ['os'],
  server: ['instance'],
  host: ['instance'],
  hypervisor: ['virtualization'],
  virtualization: ['hypervisor'],
};

/** Prefix families: any token starting with the key is folded to the value (derivational morphology). */
export const STEM_FAMILIES: ReadonlyArray<readonly [string, string]> = [
  ['encrypt', 'encrypt'],
  ['decrypt', 'encrypt'],
  ['isolat', 'isolat'],
  ['install', 'install'],
  ['classif', 'classif'],
  ['unencrypt', 'encrypt'],
  ['enforc', 'enforc'],
  ['forc', 'enforc'],
  ['cryptomin', 'compromis'],
  ['hack', 'compromis'],
  ['breach', 'compromis'],
  ['compromis', 'compromis'],
  ['steal', 'theft'],
  ['stole', 'theft'],
  ['theft', 'theft'],
  ['thief', 'theft'],
  // Choosing words fold together: "who decides / picks / selects / chooses the window" is one question.
  ['decid', 'choos'],
  ['decision', 'choos'],
  ['choos', 'choos'],
  ['chose', 'choos'],
  ['pick', 'choos'],
  ['select', 'choos'],
  ['rotat', 'rotat'],
  ['decommission', 'decommission'],
  ['protect', 'protect'],
  ['detect', 'detect'],
  ['replicat', 'replicat'],
  ['authenticat', 'authenticat'],
  ['authoriz', 'authoriz'],
  ['maint', 'maintain'],
  ['complian', 'complian'],
  ['complie', 'complian'],
  ['resilien', 'resilien'],
  ['secur', 'secur'],
  ['patch', 'patch'],
  ['virtuali', 'virtualization'],
  ['vulnerab', 'vulnerability'],
  ['deprecat', 'deprecat'],
  ['provision', 'provision'],
  ['enabl', 'enabl'],
  ['activat', 'enabl'],
  ['monitor', 'monitor'],
  ['audit', 'audit'],
  ['harden', 'harden'],
  ['backup', 'backup'],
  ['restor', 'restor'],
  ['administ', 'administ'],
];
