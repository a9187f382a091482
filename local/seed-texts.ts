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
  },
  'obj-bag': {
    fr: { title: 'Sac de courses', description: 'Un sac en plastique jaune, avec un logo rouge en partie visible.' },
    de: { title: 'Einkaufstüte', description: 'Eine gelbe Plastiktüte mit einem teilweise sichtbaren roten Logo.' },
    nl: { title: 'Boodschappentas', description: 'Een gele plastic tas met een deels zichtbaar rood logo.' },
    es: { title: 'Bolsa de la compra', description: 'Una bolsa de plástico amarilla con un logotipo rojo parcialmente visible.' },
    pl: { title: 'Torba na zakupy', description: 'Żółta plastikowa reklamówka z częściowo widocznym czerwonym logo.' },
  },
  'obj-wallpaper': {
    fr: { title: 'Papier peint à fleurs', description: 'Un papier peint à motif répété de feuilles vertes et de fleurs orange.' },
    de: { title: 'Tapete mit Blumenmuster', description: 'Eine Tapete mit sich wiederholendem Muster aus grünen Blättern und orangefarbenen Blüten.' },
    nl: { title: 'Behang met bloemen', description: 'Behang met een herhalend patroon van groene bladeren en oranje bloemen.' },
    es: { title: 'Papel pintado de flores', description: 'Papel pintado con un motivo repetido de hojas verdes y flores naranjas.' },
    pl: { title: 'Tapeta w kwiaty', description: 'Tapeta z powtarzającym się wzorem zielonych liści i pomarańczowych kwiatów.' },
  },
};
