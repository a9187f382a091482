import type { ObjectText } from '#shared/schemas/object.ts';

/**
 * The demo objects' titles and descriptions in every interface language
 * (English is on the object itself). Keyed by object, then language.
 */
export const demoTexts: Record<'obj-towel' | 'obj-bag' | 'obj-wallpaper', Record<string, ObjectText>> = {
  'obj-towel': {
    fr: { title: 'Serviette de plage rayée', description: 'Une serviette à rayures bleues et blanches, avec une petite ancre brodée dans un coin.' },
    de: { title: 'Gestreiftes Strandtuch', description: 'Ein blau-weiß gestreiftes Handtuch mit einem kleinen eingestickten Anker in einer Ecke.' },
    nl: { title: 'Gestreepte strandhanddoek', description: 'Een blauw-wit gestreepte handdoek met een klein geborduurd anker in een hoek.' },
    es: { title: 'Toalla de playa a rayas', description: 'Una toalla de rayas azules y blancas con una pequeña ancla bordada en una esquina.' },
    pl: { title: 'Ręcznik plażowy w paski', description: 'Ręcznik w niebiesko-białe paski z małą wyhaftowaną kotwicą w rogu.' },
    it: { title: "Telo da mare a righe", description: "Un telo a righe bianche e blu con una piccola ancora ricamata in un angolo." },
    pt: { title: "Toalha de praia às riscas", description: "Uma toalha às riscas azuis e brancas, com uma pequena âncora bordada num canto." },
    sv: { title: "Randig badhandduk", description: "En blåvitrandig handduk med ett litet broderat ankare i ena hörnet." },
    da: { title: "Stribet strandhåndklæde", description: "Et blå- og hvidstribet håndklæde med et lille broderet anker i det ene hjørne." },
    fi: { title: "Raidallinen rantapyyhe", description: "Sini-valkoraitainen pyyhe, jonka kulmaan on kirjailtu pieni ankkuri." },
    cs: { title: "Pruhovaná plážová osuška", description: "Modrobíle pruhovaná osuška s malou vyšitou kotvou v jednom rohu." },
    sk: { title: "Pásikavá plážová osuška", description: "Modro-biela pásikavá osuška s malou vyšitou kotvou v jednom rohu." },
    hu: { title: "Csíkos strandtörölköző", description: "Kék-fehér csíkos törölköző, egyik sarkában kis hímzett horgonnyal." },
    ro: { title: "Prosop de plajă în dungi", description: "Un prosop cu dungi albastre și albe, cu o mică ancoră brodată într-un colț." },
    bg: { title: "Раирана плажна кърпа", description: "Кърпа на сини и бели райета с малка бродирана котва в единия ъгъл." },
  },
  'obj-bag': {
    fr: { title: 'Sac de courses', description: 'Un sac en plastique jaune, avec un logo rouge en partie visible.' },
    de: { title: 'Einkaufstüte', description: 'Eine gelbe Plastiktüte mit einem teilweise sichtbaren roten Logo.' },
    nl: { title: 'Boodschappentas', description: 'Een gele plastic tas met een deels zichtbaar rood logo.' },
    es: { title: 'Bolsa de la compra', description: 'Una bolsa de plástico amarilla con un logotipo rojo parcialmente visible.' },
    pl: { title: 'Torba na zakupy', description: 'Żółta plastikowa reklamówka z częściowo widocznym czerwonym logo.' },
    it: { title: "Borsa della spesa", description: "Una borsa di plastica gialla con un logo rosso visibile solo in parte." },
    pt: { title: "Saco de compras", description: "Um saco de plástico amarelo com um logótipo vermelho parcialmente visível." },
    sv: { title: "Bärkasse", description: "En gul plastkasse med en delvis synlig röd logotyp." },
    da: { title: "Indkøbspose", description: "En gul plastpose med et delvist synligt rødt logo." },
    fi: { title: "Ostoskassi", description: "Keltainen muovikassi, jossa näkyy osittain punainen logo." },
    cs: { title: "Nákupní taška", description: "Žlutá igelitová taška s částečně viditelným červeným logem." },
    sk: { title: "Nákupná taška", description: "Žltá igelitová taška s čiastočne viditeľným červeným logom." },
    hu: { title: "Bevásárlószatyor", description: "Sárga műanyag szatyor, rajta egy részben látható piros logóval." },
    ro: { title: "Pungă de cumpărături", description: "O pungă galbenă de plastic, cu un logo roșu vizibil doar în parte." },
    bg: { title: "Пазарска торбичка", description: "Жълта найлонова торбичка с частично видимо червено лого." },
  },
  'obj-wallpaper': {
    fr: { title: 'Papier peint à fleurs', description: 'Un papier peint à motif répété de feuilles vertes et de fleurs orange.' },
    de: { title: 'Tapete mit Blumenmuster', description: 'Eine Tapete mit sich wiederholendem Muster aus grünen Blättern und orangefarbenen Blüten.' },
    nl: { title: 'Behang met bloemen', description: 'Behang met een herhalend patroon van groene bladeren en oranje bloemen.' },
    es: { title: 'Papel pintado de flores', description: 'Papel pintado con un motivo repetido de hojas verdes y flores naranjas.' },
    pl: { title: 'Tapeta w kwiaty', description: 'Tapeta z powtarzającym się wzorem zielonych liści i pomarańczowych kwiatów.' },
    it: { title: "Carta da parati a fiori", description: "Carta da parati con un motivo ripetuto di foglie verdi e fiori arancioni." },
    pt: { title: "Papel de parede com flores", description: "Papel de parede com um padrão repetido de folhas verdes e flores cor de laranja." },
    sv: { title: "Blommig tapet", description: "Tapet med ett upprepat mönster av gröna blad och orange blommor." },
    da: { title: "Blomstret tapet", description: "Tapet med et gentaget mønster af grønne blade og orange blomster." },
    fi: { title: "Kukkakuvioinen tapetti", description: "Tapetti, jossa toistuu vihreiden lehtien ja oranssien kukkien kuvio." },
    cs: { title: "Květovaná tapeta", description: "Tapeta s opakujícím se vzorem zelených listů a oranžových květů." },
    sk: { title: "Kvetovaná tapeta", description: "Tapeta s opakujúcim sa vzorom zelených listov a oranžových kvetov." },
    hu: { title: "Virágmintás tapéta", description: "Tapéta, zöld levelek és narancssárga virágok ismétlődő mintájával." },
    ro: { title: "Tapet cu flori", description: "Tapet cu un model repetat de frunze verzi și flori portocalii." },
    bg: { title: "Тапет на цветя", description: "Тапет с повтаряща се шарка от зелени листа и оранжеви цветя." },
  },
};
