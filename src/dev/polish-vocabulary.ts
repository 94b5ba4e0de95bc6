/** Word lists that make generated and demo data look like a Polish firm's client base. */

/** A comma-separated list, kept on one line in the source so that long lists stay readable. */
function words(list: string): readonly string[] {
  return list.split(', ');
}

export interface City {
  name: string;
  /** Postal codes of the city start with these two digits. */
  postalPrefix: string;
  /** Area code of landline numbers. */
  areaCode: string;
}

export const CITIES: readonly City[] = [
  { name: 'Warszawa', postalPrefix: '02', areaCode: '22' },
  { name: 'Kraków', postalPrefix: '31', areaCode: '12' },
  { name: 'Wrocław', postalPrefix: '53', areaCode: '71' },
  { name: 'Poznań', postalPrefix: '61', areaCode: '61' },
  { name: 'Gdańsk', postalPrefix: '80', areaCode: '58' },
  { name: 'Łódź', postalPrefix: '90', areaCode: '42' },
  { name: 'Katowice', postalPrefix: '40', areaCode: '32' },
  { name: 'Lublin', postalPrefix: '20', areaCode: '81' },
  { name: 'Szczecin', postalPrefix: '70', areaCode: '91' },
  { name: 'Bydgoszcz', postalPrefix: '85', areaCode: '52' },
  { name: 'Białystok', postalPrefix: '15', areaCode: '85' },
  { name: 'Rzeszów', postalPrefix: '35', areaCode: '17' },
  { name: 'Kielce', postalPrefix: '25', areaCode: '41' },
  { name: 'Olsztyn', postalPrefix: '10', areaCode: '89' },
  { name: 'Opole', postalPrefix: '45', areaCode: '77' },
  { name: 'Toruń', postalPrefix: '87', areaCode: '56' },
  { name: 'Gliwice', postalPrefix: '44', areaCode: '32' },
  { name: 'Zielona Góra', postalPrefix: '65', areaCode: '68' },
  { name: 'Nowy Sącz', postalPrefix: '33', areaCode: '18' },
  { name: 'Płock', postalPrefix: '09', areaCode: '24' },
];

export const STREETS: readonly string[] = words(
  'ul. Marszałkowska, ul. Długa, ul. Polna, ul. Leśna, ul. Słoneczna, ul. Krótka, ul. Szkolna, ul. Ogrodowa, ul. Lipowa, ul. Brzozowa, ul. Kościuszki, ul. Mickiewicza, ul. Sienkiewicza, ul. Piłsudskiego, ul. Kopernika, ul. Żeromskiego, ul. Reymonta, ul. Chopina, ul. Wyspiańskiego, al. Jana Pawła II, al. Solidarności, ul. Przemysłowa, ul. Fabryczna, ul. Kolejowa, ul. Grunwaldzka, ul. 3 Maja, ul. Wojska Polskiego, ul. Świętokrzyska, ul. Jagiellońska, ul. Zamkowa',
);

export const MALE_FIRST_NAMES: readonly string[] = words(
  'Piotr, Krzysztof, Andrzej, Tomasz, Paweł, Michał, Marcin, Jakub, Grzegorz, Łukasz, Adam, Marek, Wojciech, Rafał, Jacek, Dariusz, Mateusz, Kamil, Bartosz, Zbigniew, Sławomir, Jerzy',
);

export const FEMALE_FIRST_NAMES: readonly string[] = words(
  'Anna, Maria, Katarzyna, Małgorzata, Agnieszka, Barbara, Ewa, Krystyna, Magdalena, Elżbieta, Joanna, Aleksandra, Monika, Zofia, Beata, Dorota, Natalia, Justyna, Iwona, Grażyna, Marta, Karolina',
);

/** Surnames as [male form, female form]. */
export const SURNAMES: readonly (readonly [string, string])[] = [
  ['Nowak', 'Nowak'],
  ['Kowalski', 'Kowalska'],
  ['Wiśniewski', 'Wiśniewska'],
  ['Wójcik', 'Wójcik'],
  ['Kowalczyk', 'Kowalczyk'],
  ['Kamiński', 'Kamińska'],
  ['Lewandowski', 'Lewandowska'],
  ['Zieliński', 'Zielińska'],
  ['Szymański', 'Szymańska'],
  ['Woźniak', 'Woźniak'],
  ['Dąbrowski', 'Dąbrowska'],
  ['Kozłowski', 'Kozłowska'],
  ['Jankowski', 'Jankowska'],
  ['Mazur', 'Mazur'],
  ['Kwiatkowski', 'Kwiatkowska'],
  ['Krawczyk', 'Krawczyk'],
  ['Piotrowski', 'Piotrowska'],
  ['Grabowski', 'Grabowska'],
  ['Nowakowski', 'Nowakowska'],
  ['Pawłowski', 'Pawłowska'],
  ['Michalski', 'Michalska'],
  ['Król', 'Król'],
  ['Wieczorek', 'Wieczorek'],
  ['Jabłoński', 'Jabłońska'],
  ['Wróbel', 'Wróbel'],
  ['Majewski', 'Majewska'],
  ['Olszewski', 'Olszewska'],
  ['Stępień', 'Stępień'],
  ['Malinowski', 'Malinowska'],
  ['Jaworski', 'Jaworska'],
  ['Adamczyk', 'Adamczyk'],
  ['Dudek', 'Dudek'],
  ['Nowicki', 'Nowicka'],
  ['Pawlak', 'Pawlak'],
  ['Górski', 'Górska'],
  ['Witkowski', 'Witkowska'],
  ['Walczak', 'Walczak'],
  ['Sikora', 'Sikora'],
];

export const ROLES: readonly string[] = words(
  'Prezes zarządu, Dyrektor handlowy, Kierownik zakupów, Specjalista ds. zakupów, Kierownik HR, Specjalista ds. szkoleń, Dyrektor finansowy, Główna księgowa, Kierownik budowy, Kierownik projektu, Dyrektor IT, Office manager',
);

export const INDUSTRIES: readonly string[] = words(
  'budownictwo, szkolenia, IT, produkcja, logistyka, handel, administracja publiczna, ochrona zdrowia, energetyka, finanse',
);

/** Words firms are named after, and the legal forms that end their names. */
export const FIRM_NAME_STEMS: readonly string[] = words(
  'Budex, Polmark, Tech-Sys, Agromex, Transbud, Infonet, Mazovia, Wisła, Bałtyk, Karpaty, Sudety, Warta, Odra, Novum, Integra, Eko-Serwis, Promedica, Energopol, Logitrans, Kompas, Horyzont, Delta, Orion, Atlas, Meridian, Polstal, Drewbud, Elektromont, Datacom, Edukator',
);
export const FIRM_NAME_SUFFIXES: readonly string[] = words(
  'Budownictwo, Systemy, Serwis, Consulting, Instalacje, Logistyka, Technologie, Centrum Szkoleń, Handel, Projekt',
);
export const LEGAL_FORMS: readonly string[] = ['sp. z o.o.', 'S.A.', 'sp.j.', 's.c.', 'sp. k.'];

/** The firm's own sales people: owners of clients, opportunities and tasks. */
export const SALES_TEAM: readonly string[] = words(
  'Anna Wiśniewska, Tomasz Kaczmarek, Magdalena Lis, Paweł Zając, Joanna Baran',
);

const ASCII_FOLD: Record<string, string> = {
  ą: 'a',
  ć: 'c',
  ę: 'e',
  ł: 'l',
  ń: 'n',
  ó: 'o',
  ś: 's',
  ź: 'z',
  ż: 'z',
};

/** A name made safe for e-mail addresses and domains: lower case, Polish letters folded, no spaces. */
export function asciiSlug(text: string): string {
  let out = '';
  for (const ch of text.toLowerCase()) {
    const folded = ASCII_FOLD[ch] ?? ch;
    if (/[a-z0-9]/.test(folded)) out += folded;
    else if (out !== '' && !out.endsWith('-') && /[\s.-]/.test(folded)) out += '-';
  }
  return out.replace(/-+$/, '');
}
