/**
 * Curated tables for non-toponym signals.
 */

/**
 * Public institutions that exist in one country (or a few, split): courts,
 * police forces and ranks, local government, health and tax agencies. They
 * place a story or a tip where it happens ("appearing at Wood Green Crown
 * Court"). Deliberately absent: metonyms for a government that foreign news
 * quotes every day (White House, Kremlin, Downing Street, Élysée, Pentagon),
 * broadcasters and news agencies (BBC, CBC, AP), and bodies shared across
 * many countries (Supreme Court, District Court, Senate, Parliament).
 * All-capital entries match only when written in capitals. "Garda" alone is
 * also Lake Garda, "National Guard" also Ukraine's or Venezuela's: left out.
 * Sources: the institutions' own sites and Wikipedia, checked 2026.
 */
export const INSTITUTIONS: ReadonlyArray<readonly [string, Record<string, number>]> = [
  // United Kingdom (Crown Courts: England and Wales; Sheriff Courts: Scotland)
  ['Crown Court', { GB: 1 }], ['Sheriff Court', { GB: 1 }], ['Crown Prosecution Service', { GB: 1 }],
  ['Metropolitan Police', { GB: 1 }], ['Scotland Yard', { GB: 1 }], ['Police Scotland', { GB: 1 }],
  ['NHS', { GB: 1 }], ['Ofsted', { GB: 1 }], ['GCSE', { GB: 1 }], ['GCSEs', { GB: 1 }], ['DVLA', { GB: 1 }],
  ['HMRC', { GB: 1 }], ['Royal Mail', { GB: 1 }], ['Network Rail', { GB: 1 }], ['Chief Constable', { GB: 1 }],
  ['Detective Constable', { GB: 0.75, AU: 0.15, NZ: 0.1 }], ['Magistrates Court', { GB: 0.6, AU: 0.4 }],
  // United States
  ['Internal Revenue Service', { US: 1 }], ['Internal Revenue Code', { US: 1 }], ['IRS', { US: 1 }],
  ['Medicaid', { US: 1 }], ['Highway Patrol', { US: 1 }],
  ['Social Security Administration', { US: 1 }], ['Sheriff Department', { US: 1 }],
  // Canada
  ['RCMP', { CA: 1 }], ['Royal Canadian Mounted Police', { CA: 1 }], ['Ontario Provincial Police', { CA: 1 }],
  ['Sûreté du Québec', { CA: 1 }], ['Canada Post', { CA: 1 }], ['Canada Revenue Agency', { CA: 1 }],
  // Australia, New Zealand, Ireland, South Africa, India
  ['Centrelink', { AU: 1 }], ['Australia Post', { AU: 1 }],
  ['Garda Station', { IE: 1 }], ['Gardaí', { IE: 1 }], ['Gardai', { IE: 1 }], ['Garda Síochána', { IE: 1 }], ['Taoiseach', { IE: 1 }], ['Tánaiste', { IE: 1 }],
  ['SAPS', { ZA: 1 }], ['State Emergency Service', { AU: 1 }],
  // National parliaments: a story set in parliament is set in that country.
  ['Knesset', { IL: 1 }], ['Bundestag', { DE: 1 }], ['Sejm', { PL: 1 }], ['Riksdag', { SE: 1 }], ['Storting', { NO: 1 }], ['Stortinget', { NO: 1 }],
  ['Folketing', { DK: 1 }], ['Folketinget', { DK: 1 }], ['Eduskunta', { FI: 1 }], ['State Duma', { RU: 1 }], ['Verkhovna Rada', { UA: 1 }], ['Dáil', { IE: 1 }], ['Oireachtas', { IE: 1 }], ['Althing', { IS: 1 }], ['Althingi', { IS: 1 }], ['HDB', { SG: 1 }], ['Housing and Development Board', { SG: 1 }], ['National Environment Agency', { SG: 1 }], ['Land Transport Authority', { SG: 1 }], ['Lok Sabha', { IN: 1 }], ['Rajya Sabha', { IN: 1 }],
  // Continental Europe
  ['Bundespolizei', { DE: 0.8, AT: 0.2 }], ['Landeskriminalamt', { DE: 0.8, AT: 0.2 }], ['Kriminalpolizei', { DE: 0.7, AT: 0.2, CH: 0.1 }],
  ['Amtsgericht', { DE: 1 }], ['Polizeipräsidium', { DE: 1 }], ['Bundeswehr', { DE: 1 }], ['Bundesheer', { AT: 1 }],
  ['Landespolizeidirektion', { AT: 1 }], ['Kantonspolizei', { CH: 1 }],
  ['Gendarmerie nationale', { FR: 1 }], ['Police nationale', { FR: 1 }], ['SAMU', { FR: 1 }],
  ['Guardia Civil', { ES: 1 }], ['Mossos d\'Esquadra', { ES: 1 }], ['Ertzaintza', { ES: 1 }], ['Audiencia Nacional', { ES: 1 }],
  ['Carabinieri', { IT: 1 }], ['Guardia di Finanza', { IT: 1 }], ['Polizia di Stato', { IT: 1 }], ['Questura', { IT: 1 }],
  ['Carabineros', { CL: 0.85, CO: 0.1, BO: 0.05 }], // Carabineros de Chile; also a Colombian police unit
  // Postal services and national railways (each one country's own)
  ['An Post', { IE: 1 }], ['USPS', { US: 1 }], ['Deutsche Post', { DE: 1 }], ['Poste Italiane', { IT: 1 }], ['PostNL', { NL: 1 }],
  ['Poczta Polska', { PL: 1 }], ['Česká pošta', { CZ: 1 }], ['Ceska posta', { CZ: 1 }], ['Magyar Posta', { HU: 1 }], ['Österreichische Post', { AT: 1 }],
  ['Swiss Post', { CH: 1 }], ['Japan Post', { JP: 1 }], ['India Post', { IN: 1 }], ['NZ Post', { NZ: 1 }], ['Correios', { BR: 1 }], ['Posti', { FI: 1 }],
  ['Deutsche Bahn', { DE: 1 }], ['SNCF', { FR: 1 }], ['SBB', { CH: 1 }], ['ÖBB', { AT: 1 }], ['Renfe', { ES: 1 }], ['Trenitalia', { IT: 1 }],
  ['Amtrak', { US: 1 }], ['Via Rail', { CA: 1 }], ['Irish Rail', { IE: 1 }], ['Iarnród Éireann', { IE: 1 }], ['PKP', { PL: 1 }], ['České dráhy', { CZ: 1 }],
  ['Marechaussee', { NL: 1 }], ['Koninklijke Marechaussee', { NL: 1 }],
  ['Policja', { PL: 1 }], ['Straż Miejska', { PL: 1 }], ['Straz Miejska', { PL: 1 }],
  ['Policie ČR', { CZ: 1 }], ['Polisen', { SE: 1 }], ['Politiet', { NO: 0.6, DK: 0.4 }], ['Poliisi', { FI: 1 }],
];

/** ccTLDs commonly used as generic/vanity domains: say nothing about place. */
export const VANITY_TLDS: ReadonlySet<string> = new Set(['io', 'co', 'tv', 'me', 'ai', 'fm', 'ly', 'to', 'cc', 'ws', 'gg', 'sh', 'am', 'la', 'nu', 'tk', 'ms', 'gs', 'vc', 'im', 'is', 'it', 'so', 'ac', 'do', 'be', 'in', 'us']);
/** TLDs that are vanity-used but still mostly local; kept with reduced weight. */
// .tv (Tuvalu) and .fm (Micronesia) are almost only television and radio vanity names: not kept.
export const WEAK_TLDS: ReadonlySet<string> = new Set(['me', 'co', 'is', 'it', 'be', 'in', 'us', 'do', 'am', 'la', 'nu', 'ac']);
export const TLD_COUNTRY: Record<string, string> = { uk: 'GB', su: 'RU', eu: '' };

/** Tip language (ISO 639-1) → countries where it is the main language, with weights. */
export const LANG_COUNTRIES: Record<string, Record<string, number>> = {
  pl: { PL: 1 }, cs: { CZ: 1 }, sk: { SK: 1 }, hu: { HU: 1 }, fi: { FI: 1 }, et: { EE: 1 }, lv: { LV: 1 }, lt: { LT: 1 },
  el: { GR: 0.85, CY: 0.15 }, bg: { BG: 1 }, uk: { UA: 1 }, ro: { RO: 0.85, MD: 0.15 }, hr: { HR: 0.8, BA: 0.2 },
  sl: { SI: 1 }, sr: { RS: 0.8, BA: 0.1, ME: 0.1 }, bs: { BA: 1 }, mk: { MK: 1 }, sq: { AL: 0.8 }, da: { DK: 1 }, sv: { SE: 0.9, FI: 0.1 },
  nb: { NO: 1 }, nn: { NO: 1 }, no: { NO: 1 }, is: { IS: 1 }, nl: { NL: 0.75, BE: 0.25 }, de: { DE: 0.75, AT: 0.15, CH: 0.1 },
  fr: { FR: 0.7, BE: 0.1, CH: 0.1, CA: 0.1 }, it: { IT: 0.95, CH: 0.05 }, es: { ES: 0.5, MX: 0.2, AR: 0.1, CO: 0.1, CL: 0.1 },
  pt: { PT: 0.5, BR: 0.5 }, ru: { RU: 0.85, BY: 0.05, KZ: 0.05, UA: 0.05 }, tr: { TR: 1 }, ja: { JP: 1 }, ko: { KR: 1 },
  zh: { CN: 0.8, TW: 0.15, HK: 0.05 }, he: { IL: 1 }, hi: { IN: 1 }, ar: { EG: 0.3, SA: 0.2, MA: 0.1, DZ: 0.1, IQ: 0.1, SY: 0.1, JO: 0.1 },
  fa: { IR: 1 }, th: { TH: 1 }, vi: { VN: 1 }, id: { ID: 1 }, ms: { MY: 1 }, ka: { GE: 1 }, hy: { AM: 1 }, az: { AZ: 1 },
  kk: { KZ: 1 }, be: { BY: 1 },
};
