/**
 * Context cue words (all FOLDED, see fold.ts). Curated by hand per language.
 */
const set = (s: string): ReadonlySet<string> => new Set(s.split(/\s+/).filter(Boolean));

/** Locative / origin prepositions that typically precede a place name. */
export const PREPOSITIONS = set(`
  in from near at to around outside via of
  im aus bei nach von vom zu zum zur um
  a au aux en de des du dans pres vers
  en desde cerca hacia para del
  a in da dal dalla dallo dai dalle vicino presso nel nella nello
  em no na nos nas do da dos das perto
  in uit bij naar te nabij
  i fra fran fra ved pa naer
  w we z ze ze do koło kolo pod przy spod
  v ve z ze na u do od
  u iz kod blizu od
  в во из у под около возле на до с со от
  з із біля від
  σε στο στη στην στον στα στις στους απο κοντα
  'da de den dan te ta
  ba be ban ben
  -
`);

/** Negation words: a place right after one (within 2 tokens) is negated (shared/text/negations.ts). */
export { PLACE_NEGATIONS as NEGATIONS } from '../../text/negations.ts';

/** The tipster says they cannot place the object. */
export const UNSURE = /\b(?:no idea|not sure|can'?t tell|cannot tell|could be (?:from )?anywhere|don'?t know)\b/i;

/** After a contrast, these take the earlier guess back without naming another place ("Thailand but honestly no, I can't tell"). */
export const RETRACTIONS = new RegExp(`\\b(?:no|nope|not really)\\b|${UNSURE.source}`, 'i');

/**
 * Contrast/correction markers: earlier places in the sentence are demoted. The word for "but"
 * (and "rather", "instead") per language, as the translation tables of the English entries in
 * Wiktionary give it; a word that is also a common preposition or pronoun in a language the
 * classifier reads (Hindi पर "on", Spanish por, Lithuanian/English bet) is left out, since
 * tokens are compared without their language.
 */
export const CONTRASTS = set(`
  but rather instead actually correction
  sondern aber eigentlich
  mais plutot
  pero sino
  ma bensi piuttosto pero
  mas porem
  maar eigenlijk
  men utan snarare
  nego vec већ него
  mutta vaan
  ale lecz tylko raczej
  ale nybrz spise
  hanem de
  но а
  αλλα
  однако зато але проте однак обаче
  ama fakat ancak lakin
  dar ci insa
  tapi tetapi namun melainkan
  nhung
  ngunit subalit
  lakini
  ولكن لكن بل
  ولی بلکه
  لیکن مگر
  אבל אלא
  लेकिन मगर परंतु परन्तु किंतु किन्तु
  কিন্তু
  하지만 그런데 그러나 근데
  ampak vendar
  baina
  ond
  ግን
  բայց
  მაგრამ
`);

/** Manufacturing-origin phrases (token sequences). The next place names the
 * factory, not where the object was bought or seen. */
export const MADE_IN: ReadonlyArray<ReadonlyArray<string>> = [
  'صنع في', 'صنع فى', 'ساخت', 'made in', 'made by', 'manufactured in', 'produced in', 'product of', 'assembled in', 'printed in', 'imported from',
  'country of origin', 'origin', 'hergestellt in', 'produziert in', 'gefertigt in', 'herkunftsland', 'fabrique en', 'fabrique au',
  'fabrique aux', 'fabrique a', 'produit en', 'fabricado en', 'hecho en', 'producido en', 'fabbricato in', 'prodotto in', 'made in the',
  'fabricado no', 'fabricado na', 'feito no', 'feito na', 'gemaakt in', 'geproduceerd in', 'wyprodukowano w', 'wyprodukowano we',
  'wyprodukowane w', 'produkt z', 'vyrobeno v', 'vyrobeno ve', 'vyrobene v', 'vyrobene ve', 'tillverkad i', 'produsert i',
  'laget i', 'lavet i', 'fremstillet i', 'valmistettu', 'keszult', 'gyartva', 'сделано в', 'произведено в', 'изготовлено в',
  'зроблено в', 'виготовлено в', 'κατασκευαστηκε στην', 'παραγεται στην', 'produs in', 'proizvedeno u', 'izdelano v',
].map((p) => p.split(' '));

/** Phrases that say the object is not place-specific. */
export const GENERIC = set(`
  everywhere anywhere worldwide overall common universal generic
  uberall uberallhin partout ovunque dappertutto todas overal wszedzie vsude
`);

/** Words that, directly after a demonym, make it a style/colour idiom, not a place. */
export const STYLE_AFTER = set(`
  style styled styles look looking type blue red green yellow white black pink navy colour color
  pattern design-inspired inspired cut knot fries toast kiss leave
  stil stijl styl
`);

/**
 * Fixed English compounds in which a demonym names a kind of thing, not where it
 * comes from ("a Persian cat", "Danish pastry", "a German shepherd"): only
 * right after the demonym.
 */
export const IDIOM_NOUNS = set(`
  cat cats kitten kittens pastry pastries delight bath roulette shepherd shepherds
  waffle waffles muffin muffins breakfast omelette omelet yogurt yoghurt oven massage
  army roll blinds braid twist horn doors
`);

/**
 * Nouns that a demonym follows in fixed Romance compounds naming a kind of thing:
 * "pastor alemán" (German shepherd), "ensalada rusa", "montaña rusa", "berger allemand",
 * "pastore tedesco", "pain français".
 */
export const IDIOM_NOUNS_BEFORE = set(`
  pastor pastore berger ensalada insalata salade salada montana montanha montagne montagnes
  tortilla pan pain ruleta roulette arroz
`);

/** A place name right before these is a pattern or a style ("a Paisley pattern", "Damask print"). */
export const PATTERN_AFTER = set(`
  pattern patterns print prints motif motifs check checks weave tartan
  hat hats shorts sprouts
`);

/**
 * Demonym + noun pairs that name a kind of product sold everywhere ("a Turkish
 * towel" is a flat-weave towel, "Brazilian wax" a treatment), checked right
 * after the demonym like IDIOM_NOUNS but only for that demonym's country.
 */
export const PRODUCT_IDIOMS: Record<string, ReadonlySet<string>> = {
  TR: set('towel towels'),
  EG: set('cotton'),
  BR: set('wax waxing'),
  CH: set('cheese chard'),
};

/** Words before a place name that make it a sports club or its shirt ("Real Madrid", "FC Barcelona", "Bayern Munich"). */
export const CLUB_BEFORE = set(`
  real fc ac as sc sv ssc afc cf cd ud inter atletico athletic olympique sporting dynamo dinamo spartak lokomotiv borussia bayern
`);

/** Auxiliaries and copulas: a demonym's noun phrase ends before them. */
export const PHRASE_BREAKS = set(`
  is are was were be been has have had will would can could should may might
  ist sind war waren hat haben wird est sont était es son fue era è sono
`);

/** Folded names of places that are also common words or given names in some
 * language: never decisive alone — need a preposition, an admin/country
 * qualifier, or support from other evidence. */
export const COMMON_OR_PERSON = set(`
  nice split mobile reading bath chad jordan florence victoria georgia turkey chile china jersey guinea
  austin orlando regina adelaide charlotte eugene marion laurel hugo ada scott price troy sydney
  lincoln jackson madison chelsea dallas houston tyler aurora beverly salem sherman warren clinton marshall
  washington kingston hamilton wellington darwin nelson bradford preston columbia columbus phoenix leon
  trinidad independence liberty union delta concord commerce enterprise hope joy faith grace eden mercy
  paradise normal reno most mist gent bonn zug sale male bra ski bar nancy essen wels hof halle rain mark ede
  born tarn sur mar plata santa santo san lens mons tours brest alba pau ars marathon canton gift kind
  post star sun moon angel christmas easter university college hospital street road
  bar pub hotel cafe store shop market mall label price sign box bag cup mug tag
  brand logo design style pattern towel blanket
  summer winter spring autumn fall
  mo la al ok me pa in ma ga de or wa va ct man
`);

/**
 * Folded single words that are function words or everyday nouns in a common language and also
 * names in the gazetteer (villages, alternate names): never a place on their own, whatever the
 * tip's language ("Como" in "como este", "Van" in Dutch, "Para" in Portuguese). Only the words
 * that are gazetteer keys are listed: every other function word comes from stopwords-iso in the
 * tip's detected language (`isCommonWord` in places.ts); this list is also the fallback when no
 * language is detected. Source: the stopwords-iso lists of en, de, fr, es, it, nl, sv, pl and the
 * gazetteer keys they share (the words kept here are those `lookup()` finds). The second line is
 * not function words: everyday English nouns and adjectives that are also gazetteer keys
 * (villages named Store, Bar, Price), hand-kept for the same reason.
 */
export const STOPWORDS = set(`
  can over die von vom une sur par una para como este per van och jak
  store bar cafe price same made
`);

/** Continents, oceans and supranational names: never a country on their own. */
export const NON_PLACES = set(`
  asia asien asie europe europa afrika africa americas amerika oceania ozeanien antarctica antarktis
  caribbean karibik pacific atlantic mediterranean balkans balkan scandinavia skandinavien nordics baltics
  eu arctic arktis sahara siberia-wide middle east
`);

/** Titles before a person's name ("Mr Suarez", "Premier Pallister"). */
export const TITLES = set(`
  gov govt mr mrs ms miss dr prof sir lady lord saint st det sgt cst const insp chief officer president premier minister
  mayor senator governor pastor father rev reverend judge justice king queen prince princess coach captain
  herr frau monsieur madame mme señor senor senora signor signora pan pani
`);

/** Nouns that may follow a place name and keep it a place ("London Police", "Hall County"). */
export const PLACE_HEADS = set(`
  city county police council airport station region province state district township borough parish
  harbour harbor port bay valley river lake island islands mountains beach park area metro
  town village hospital court
`);

/** Words that, directly after a place name, make it part of an organisation name. */
export const ORG_AFTER = set(`
  university universitat universite universidad college school institute hospital pictures records
  fc united city-fc airlines airways bank insurance company corporation corp inc ltd gmbh
  street avenue road boulevard
`);

/** Sentence-level cue for hedged/other-people claims: "everyone says X". */
export const HEARSAY = set(`says say said thinks think thought guess guessed claims claim`);

/** Generic feature / institution nouns: never a place on their own, even when a
 * tiny village carries the name ("Street", "Police", "University"). */
export const HEAD_WORDS = set(`
  street road avenue lane way close drive court square bridge highway boulevard
  centre center church chapel cathedral school college university hospital police station
  park garden gardens city town village county district borough council hall house
  media news press institute office bank market north south east west central
`);

/** Reporting verbs: a capitalised name right before ("Palma said") or right after
 * one at the end of a clause ("…, said Georgia.") is a person. */
export const SAY_VERBS = set(`
  said says told tells added adds explained explains asked asks wrote writes noted notes
  recalled recalls insisted insists admitted admits argued argues testified testifies
  described describes warned warns stated states confirmed confirms
`);

/** First words that turn "America" into a continent / region. */
export const CONTINENT_QUALIFIERS = set(`north south latin central nord sud sued sur norte`);

/** Skipped when looking back for a negation: "don't think it's from", "not sure this came from". */
export const BELIEF_WORDS = new Set(['think', 'believe', 'reckon', 'guess', 'say', 'it', 's', 'is', 'was', 'this', 'that', 'from', 'come', 'comes', 'came', 'made', 'really', 'actually']);
/** Portuguese contractions that look like negations elsewhere: "no Brasil" is "in Brazil". */
export const PT_NOT_NEGATIONS = new Set(['no', 'na', 'nem']);
/** A product named after a place: "called 'Venezia'", "si chiama", "model". */
export const NAMED_RE = /\b(?:called|named|chiama|chiamato|llama|llamado|heißt|heisst|nommé|nomme|appelé|appele|model|modèle|modelo|modello|collection|design|edition)\b[^.!?]{0,12}$/i;
/** Where the tipster says they write from, in six languages. */
export const WRITING_FROM = /\b(?:writing (?:to you )?from|(?:te |les |os )?escribo desde|je (?:vous |t')?[ée]cris (?:de|depuis|du|d')|ich schreibe (?:aus|von)|scrivo da|escrevo (?:de|do|da)|piszę z)\s+$/i;
/** The tipster's own whereabouts just before a place: "I'm from Brazil", "I live in Lagos". */
export const SELF_LOCATION = /\b(?:i'?m (?:in|from)|i am (?:in|from)|i live in|here in|we live in|living in)\s+$/i;
/** "Made in" written after the name: "भारत में बनी", "中国製", "中国制造", "중국산". */
export const MADE_IN_AFTER = /^\s*(?:में\s*(?:बनी|बना|बने|बनाया|बनाई|निर्मित)|製|制造|製造|生产|生產|产|產|산\b|산(?=\s|$|[.,!?]))/u;

/** Country names that are common given names: "Israel Okafor", "Chad Johnson", "Georgia May" (not "Kenya Airways", "France Télévisions"). */
export const GIVEN_NAME_COUNTRIES = set('israel jordan chad georgia');

/** "A Limerick man", "an Edmonton school": a place used as an adjective in news. */
export const LOCAL_NOUNS = set(`
  man woman boy girl teenager teen couple family resident residents mother father driver pensioner mum dad
  student company firm school charity businessman businesswoman
`);
