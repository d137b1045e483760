// Everyday English words the speller must leave alone: a correct word is not a typo of a nearby domain word.

/**
 * Common words that sit one edit away from knowledge-base vocabulary ("whole"/"whose", "line"/"like",
 * "survives"/"services", "prime"/"price"): without this list the speller would rewrite them, changing what the
 * question asks.
 */
export const COMMON_WORDS: readonly string[] = `
  about above accept access account across act action actual add added address admin after again against age ago
  agree ahead aim air all allow almost alone along already alright also although always amount and angry
  annoying another answer anyone anything anyway anywhere apart app apply area argue argument around arrive
  article ask asked assume attack away awful baby back bad badly bag baked ball bank bar base based basic basis
  bear beat became become bed been before began begin behind being believe below bench best better between big
  bill bit black blame block blog blue board boat body bold book boring boss both bother bottom bought box boy
  brain brand break bring broad broke broken brother brought build built bunch burn bus busy but buy cables call
  came camp can car card care career careful carry case cash cat catch cause cell center central certain chain
  chair chance change channel chap charge chart chat cheap check chief child choice church city claim class
  clean clear click client climb clock close closed cloud club coach code coffee cold collect college color come
  comment common company compare complain complete complying concern confirm context continue control cool copy
  corner correct could count couple course court cover crazy create cross crowd current customer cut cycle daily
  damage dark data date day dead deal dear death debate decade decent deep default define degree delete deliver
  demand deny depend depth describe design desk detail develop device die diet differ different difficult dig
  dinner direct dirty discuss dish doc docs doctor document dog doing done door double doubt down draft draw
  dream dress drink drive drop dry due dull during each ear early earn earth ease easy eat edge effect effort
  eight either else email end enemy energy enjoy enough enter entire error escape estate even evening event ever
  every evidence exact example except excuse exist expect expert explain extra eye face fact fail fair faith
  fall false family famous fan far farm fast fat father fear feed feel feet fell felt few field fight figure
  file fill film final find fine finger finish fire firm first fish fit five flat floor flow fly focus folder
  follow food foot force forget form former forward found four free fresh friend from front full fun fund funny
  future game gap garden gas gate gave general get gift girl give given glad glass goal gold gone good great
  green ground group grow guess guy hair half hall hand hang happen happy hard hate head health hear heard heart
  heat heavy held hell help hence hidden high hill hire history hit hold hole holiday home hope horse hot hotel
  hour house huge human hurt idea ignore image imagine impact improve include income increase indeed inside
  instead intern issue item join joke judge jump keep key kick kid kill kind king kitchen knew knock lack lady
  lake land large late later laugh launch law lay lead learn least leave led left leg less lesson letter level
  lie life lift light likely limit line link list listen little live lived lives load loan local lock long look
  loose lose loss lost lot loud love low luck lunch made mail main major male man manner many map mark market
  mass master match matter maybe meal meant measure meet member memory men mention mess message met method
  middle might mind minor minute mirror miss mix mode model modern moment money more morning most mother mouth
  move movie much music myself name narrow nation nature near nearly neck negative nice night nine noise none
  normal north note nothing notice novel number object obvious odd offer office often oil old once open option
  order origin others otherwise outside owe page pain pair paper parent park part party pass past path pay peace
  pen pick picture piece pile place plain plan plant plate play player plenty plus pocket point pole poor pop
  popular post pot pound pour power present press pretty price prime print prior private prize probably process
  produce program project proof proper prove public pull punch pure purpose push quiet quite race radio raise
  ran range rare rate rather reach react read ready real reason recent record red reduce refer relate release
  remain remember remove rent repeat reply report request require rest result return rich ride right ring rise
  river road rock role roll room rough round route row rule rush sad safe said sale salt same sand save saw
  scale scene school score screen script sea search season seat second secret seem seen sell send sense sent
  series serious serve session seven shake shall shape share sharp sheet shift shine ship shirt shock shoe shoot
  shop short shot should shout show shut sick side sight sign silly simple since single sister site six size
  skill skin sky sleep slide slight slow small smart smile snow social soft soil sold sole solid some son song
  soon sorry sound south space speak special speed spend spent spot spread spreading spring square staff stage
  stand star start state stay step stick stone stop store story straight strange street stress strong student
  study style subject submit succeed success suck sudden suffer suit summer sun super supply support sure
  surface survive survives surviving sweet swim system table tables talk tall target task taste tax tea teach
  tear tell ten term terrible test text theory thick thin thinks third though threat three threw throw tie tight
  till time tiny tip tired title today toe together told tone took tool top total touch tough tour toward town
  track trade train travel treat tree trend trial trip trouble truck true trust truth try turn twice two type
  ugly under unit until upon upset urban useful usual value various very view visit voice vote wait walk wall
  war warm wash watch water wave weak wear weather week weird welcome well went west wet whatever wheel while
  white whole wide wife wild win wind window wine winter wish within without woman wonder wood word wore work
  world worry worse worst worth would write wrong wrote yard yellow young zone
  stack stacks crash crashing crashed keeps wiring bug bugs ticket tickets sprint deadline
`
  .split(/\s+/)
  .filter(Boolean);
