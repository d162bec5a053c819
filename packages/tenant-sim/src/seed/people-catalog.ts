/**
 * Names, offices and jobs for generated users: many scripts and spellings (José, Zoë, Łukasz,
 * Сергей, 李娜, O'Brien, Müller-Lüdenscheidt), because a directory search has to cope with
 * them. Each name carries the ASCII alias its UPN is built from, so UPNs never hold a character
 * Entra ID refuses.
 */
export interface PersonName {
  name: string;
  alias: string;
}

export interface Office {
  name: string;
  /** ISO 3166 code, the user's `usageLocation`. */
  country: string;
  callingCode: string;
  language: string;
}

export interface NameRegion {
  weight: number;
  givenNames: readonly PersonName[];
  surnames: readonly PersonName[];
  /** How `displayName` is written: "Given Surname", "SurnameGiven" (Chinese, Korean) or "Surname Given" (Japanese). */
  order: "givenFirst" | "surnameFirstJoined" | "surnameFirstSpaced";
  offices: readonly Office[];
}

/** Lower-case ASCII for a Latin-script name: diacritics dropped, apostrophes and spaces gone. */
export function asciiAlias(name: string): string {
  const special: Record<string, string> = {
    ł: "l",
    đ: "d",
    ø: "o",
    æ: "ae",
    œ: "oe",
    ß: "ss",
    ı: "i",
    þ: "th",
    ð: "d",
  };
  return name
    .toLowerCase()
    .replace(/[łđøæœßıþð]/g, (ch) => special[ch] ?? ch)
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[^a-z0-9-]/g, "");
}

const latin = (...names: string[]): PersonName[] =>
  names.map((name) => ({ name, alias: asciiAlias(name) }));

/** "Сергей:sergey" pairs, for scripts whose alias is a transliteration. */
const transliterated = (...pairs: string[]): PersonName[] =>
  pairs.map((pair) => {
    const [name = "", alias = ""] = pair.split(":");
    return { name, alias };
  });

const office = (name: string, country: string, callingCode: string, language: string): Office => ({
  name,
  country,
  callingCode,
  language,
});

const seattle = office("Seattle", "US", "+1", "en-US");
const london = office("London", "GB", "+44", "en-GB");

export const nameRegions: readonly NameRegion[] = [
  {
    weight: 22,
    givenNames: latin(
      "James",
      "Olivia",
      "Liam",
      "Emma",
      "Noah",
      "Ava",
      "William",
      "Sophia",
      "Benjamin",
      "Charlotte",
      "Lucas",
      "Amelia",
      "Henry",
      "Harper",
      "Jack",
      "Evelyn",
      "Mason",
      "Abigail",
      "Ethan",
      "Emily",
      "Daniel",
      "Grace",
      "Samuel",
      "Chloe",
      "Zoë",
    ),
    surnames: latin(
      "Smith",
      "Johnson",
      "Williams",
      "Brown",
      "Jones",
      "Miller",
      "Davis",
      "Wilson",
      "Taylor",
      "Anderson",
      "Thomas",
      "Moore",
      "Martin",
      "Thompson",
      "White",
      "Harris",
      "Clark",
      "Lewis",
      "Robinson",
      "Walker",
      "Young",
      "Allen",
      "King",
      "Wright",
      "Scott",
      "Green",
      "Baker",
      "Adams",
      "Nelson",
      "Hill",
      "Campbell",
      "Mitchell",
      "Carter",
      "Roberts",
      "Smith-Jones",
      "Fitzgerald-Hughes",
    ),
    order: "givenFirst",
    offices: [seattle, seattle, london, office("Toronto", "CA", "+1", "en-CA")],
  },
  {
    weight: 4,
    givenNames: latin(
      "Siobhán",
      "Aoife",
      "Seán",
      "Niamh",
      "Ciarán",
      "Órla",
      "Pádraig",
      "Eoin",
      "Caoimhe",
      "Róisín",
    ),
    surnames: latin(
      "O'Brien",
      "O'Connor",
      "O'Sullivan",
      "Ní Bhriain",
      "Ó Néill",
      "Murphy",
      "Byrne",
      "Kelly",
      "McCarthy",
      "MacGowan",
    ),
    order: "givenFirst",
    offices: [office("Dublin", "IE", "+353", "en-IE")],
  },
  {
    weight: 12,
    givenNames: latin(
      "José",
      "María",
      "Juan",
      "Lucía",
      "Álvaro",
      "Sofía",
      "Andrés",
      "Valentina",
      "Íñigo",
      "Martina",
      "Ramón",
      "Ana",
      "Joaquín",
      "Inés",
      "Sebastián",
      "Camila",
    ),
    surnames: latin(
      "García",
      "Fernández",
      "Núñez",
      "Muñoz",
      "Ibáñez",
      "Peña",
      "Rodríguez",
      "López",
      "Martínez",
      "Sánchez",
      "Pérez",
      "Gómez",
      "Díaz",
      "Álvarez",
      "Romero",
      "Castaño",
      "García-Márquez",
      "Ortiz",
    ),
    order: "givenFirst",
    offices: [
      office("Madrid", "ES", "+34", "es-ES"),
      office("Mexico City", "MX", "+52", "es-MX"),
      office("Buenos Aires", "AR", "+54", "es-AR"),
    ],
  },
  {
    weight: 5,
    givenNames: latin(
      "João",
      "Ana",
      "Gonçalo",
      "Beatriz",
      "Luís",
      "Mariana",
      "Tomás",
      "Inês",
      "Caio",
      "Letícia",
    ),
    surnames: latin(
      "Silva",
      "Santos",
      "Gonçalves",
      "Conceição",
      "Araújo",
      "Magalhães",
      "Oliveira",
      "Lopes",
    ),
    order: "givenFirst",
    offices: [office("São Paulo", "BR", "+55", "pt-BR"), office("Lisbon", "PT", "+351", "pt-PT")],
  },
  {
    weight: 8,
    givenNames: latin(
      "Jürgen",
      "Björn",
      "Jörg",
      "Anja",
      "Lena",
      "Matthias",
      "Sören",
      "Käthe",
      "Lukas",
      "Mia",
      "Felix",
      "Jonas",
      "Greta",
      "Zoë",
    ),
    surnames: latin(
      "Müller",
      "Schröder",
      "Weiß",
      "Groß",
      "Fischer",
      "Becker",
      "Hoffmann",
      "Schäfer",
      "Köhler",
      "Müller-Lüdenscheidt",
      "Bauer",
      "Wagner",
      "Zimmermann",
    ),
    order: "givenFirst",
    offices: [
      office("Berlin", "DE", "+49", "de-DE"),
      office("Vienna", "AT", "+43", "de-AT"),
      office("Zürich", "CH", "+41", "de-CH"),
    ],
  },
  {
    weight: 4,
    givenNames: latin(
      "Åsa",
      "Björn",
      "Sigrún",
      "Þóra",
      "Øystein",
      "Kristín",
      "Mikael",
      "Linnéa",
      "Søren",
      "Ingrid",
    ),
    surnames: latin(
      "Åberg",
      "Sørensen",
      "Lindqvist",
      "Jóhannsdóttir",
      "Kristiansen",
      "Ødegaard",
      "Nyström",
      "Häkkinen",
    ),
    order: "givenFirst",
    offices: [
      office("Stockholm", "SE", "+46", "sv-SE"),
      office("Oslo", "NO", "+47", "nb-NO"),
      office("Copenhagen", "DK", "+45", "da-DK"),
    ],
  },
  {
    weight: 5,
    givenNames: latin(
      "Łukasz",
      "Małgorzata",
      "Paweł",
      "Zofia",
      "Wojciech",
      "Agnieszka",
      "Jiří",
      "Kateřina",
      "Tomáš",
      "Zuzana",
    ),
    surnames: latin(
      "Wiśniewski",
      "Kowalczyk",
      "Wójcik",
      "Zieliński",
      "Dvořák",
      "Nováková",
      "Procházka",
      "Król",
      "Łukasiewicz",
    ),
    order: "givenFirst",
    offices: [office("Warsaw", "PL", "+48", "pl-PL"), office("Prague", "CZ", "+420", "cs-CZ")],
  },
  {
    weight: 5,
    givenNames: latin(
      "Chloé",
      "Héloïse",
      "François",
      "Jérôme",
      "Amélie",
      "Hélène",
      "Benoît",
      "Anaïs",
      "Jean-Luc",
      "Anne-Marie",
      "Léa",
      "Théo",
    ),
    surnames: latin(
      "Dubois",
      "Lefèvre",
      "D'Arcy",
      "Moreau",
      "Girard",
      "Bérubé",
      "Rousseau",
      "Fontaine",
      "Lemaître",
      "Saint-Pierre",
    ),
    order: "givenFirst",
    offices: [office("Paris", "FR", "+33", "fr-FR"), office("Montréal", "CA", "+1", "fr-CA")],
  },
  {
    weight: 5,
    givenNames: transliterated(
      "Сергей:sergey",
      "Анна:anna",
      "Дмитрий:dmitry",
      "Ольга:olga",
      "Алексей:alexey",
      "Наталья:natalya",
      "Иван:ivan",
      "Екатерина:ekaterina",
      "Михаил:mikhail",
      "Юлия:yulia",
    ),
    surnames: transliterated(
      "Иванов:ivanov",
      "Смирнов:smirnov",
      "Кузнецов:kuznetsov",
      "Попов:popov",
      "Соколов:sokolov",
      "Лебедев:lebedev",
      "Новиков:novikov",
      "Фёдоров:fedorov",
      "Морозов:morozov",
      "Волков:volkov",
    ),
    order: "givenFirst",
    offices: [office("Tallinn", "EE", "+372", "ru-RU"), office("Riga", "LV", "+371", "ru-RU")],
  },
  {
    weight: 6,
    givenNames: transliterated(
      "伟:wei",
      "芳:fang",
      "娜:na",
      "静:jing",
      "磊:lei",
      "敏:min",
      "洋:yang",
      "婷:ting",
      "杰:jie",
      "秀英:xiuying",
      "志强:zhiqiang",
      "丽:li",
    ),
    surnames: transliterated(
      "李:li",
      "王:wang",
      "张:zhang",
      "刘:liu",
      "陈:chen",
      "杨:yang",
      "黄:huang",
      "赵:zhao",
      "周:zhou",
      "吴:wu",
    ),
    order: "surnameFirstJoined",
    offices: [
      office("Shanghai", "CN", "+86", "zh-CN"),
      office("Singapore", "SG", "+65", "en-SG"),
      office("Taipei", "TW", "+886", "zh-TW"),
    ],
  },
  {
    weight: 3,
    givenNames: transliterated(
      "太郎:taro",
      "花子:hanako",
      "翔:sho",
      "陽菜:hina",
      "健太:kenta",
      "美咲:misaki",
    ),
    surnames: transliterated(
      "佐藤:sato",
      "鈴木:suzuki",
      "高橋:takahashi",
      "田中:tanaka",
      "渡辺:watanabe",
      "伊藤:ito",
    ),
    order: "surnameFirstSpaced",
    offices: [office("Tokyo", "JP", "+81", "ja-JP")],
  },
  {
    weight: 2,
    givenNames: transliterated("민준:minjun", "서연:seoyeon", "지호:jiho", "하은:haeun"),
    surnames: transliterated("김:kim", "이:lee", "박:park", "최:choi"),
    order: "surnameFirstJoined",
    offices: [office("Seoul", "KR", "+82", "ko-KR")],
  },
  {
    weight: 6,
    givenNames: latin(
      "Aarav",
      "Priya",
      "Vihaan",
      "Ananya",
      "Arjun",
      "Diya",
      "Rohan",
      "Kavya",
      "Siddharth",
      "Meera",
      "Aditya",
      "Ishaan",
    ),
    surnames: latin(
      "Sharma",
      "Patel",
      "Iyer",
      "Reddy",
      "Nair",
      "Gupta",
      "Banerjee",
      "Menon",
      "Chatterjee",
      "Desai",
    ),
    order: "givenFirst",
    offices: [office("Bangalore", "IN", "+91", "en-IN"), london],
  },
  {
    weight: 3,
    givenNames: latin("Omar", "Fatima", "Yusuf", "Layla", "Ahmed", "Noor", "Khalid", "Aisha"),
    surnames: latin("Al-Hassan", "Al-Farsi", "El-Amin", "Haddad", "Mansour", "Khoury"),
    order: "givenFirst",
    offices: [office("Dubai", "AE", "+971", "ar-AE")],
  },
  {
    weight: 3,
    givenNames: latin("Şükrü", "Gülşen", "Çağrı", "Ayşe", "Mehmet", "Elif", "Barış", "Özge"),
    surnames: latin("Yılmaz", "Şahin", "Çelik", "Öztürk", "Doğan", "Aydın", "Kılıç"),
    order: "givenFirst",
    offices: [office("Istanbul", "TR", "+90", "tr-TR")],
  },
  {
    weight: 2,
    givenNames: latin("Minh", "Linh", "Huy", "Thảo", "Dũng", "Ngọc", "Phương", "Tuấn"),
    surnames: latin("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ"),
    order: "givenFirst",
    offices: [office("Ho Chi Minh City", "VN", "+84", "vi-VN")],
  },
  {
    weight: 2,
    givenNames: transliterated(
      "Γιώργος:giorgos",
      "Μαρία:maria",
      "Νίκος:nikos",
      "Ελένη:eleni",
      "Δημήτρης:dimitris",
      "Κατερίνα:katerina",
    ),
    surnames: transliterated(
      "Παπαδόπουλος:papadopoulos",
      "Οικονόμου:oikonomou",
      "Γεωργίου:georgiou",
      "Νικολάου:nikolaou",
    ),
    order: "givenFirst",
    offices: [office("Athens", "GR", "+30", "el-GR")],
  },
  {
    weight: 4,
    givenNames: latin(
      "Chidi",
      "Amara",
      "Kwame",
      "Ama",
      "Oluwaseun",
      "Ngozi",
      "Thabo",
      "Zanele",
      "Kofi",
      "Adaeze",
      "Moussa",
      "Fatou",
    ),
    surnames: latin(
      "Okafor",
      "Mensah",
      "Adeyemi",
      "Okonkwo",
      "Nkosi",
      "Dlamini",
      "N'Diaye",
      "Diallo",
      "Boateng",
      "Mbatha",
    ),
    order: "givenFirst",
    offices: [
      office("Lagos", "NG", "+234", "en-NG"),
      office("Johannesburg", "ZA", "+27", "en-ZA"),
      office("Dakar", "SN", "+221", "fr-SN"),
    ],
  },
];

export function displayNameOf(region: NameRegion, given: string, surname: string): string {
  // join() gives one flat string rather than a rope of the parts (memory of large tenants).
  switch (region.order) {
    case "givenFirst":
      return [given, surname].join(" ");
    case "surnameFirstJoined":
      return [surname, given].join("");
    case "surnameFirstSpaced":
      return [surname, given].join(" ");
  }
}

export interface Department {
  name: string;
  weight: number;
  jobTitles: readonly string[];
}

/** `&` in two department names on purpose: filters on them must escape nothing but quotes. */
export const departments: readonly Department[] = [
  {
    name: "Sales",
    weight: 14,
    jobTitles: ["Sales representative", "Account manager", "Sales director", "Inside sales"],
  },
  {
    name: "Engineering",
    weight: 14,
    jobTitles: [
      "Software engineer",
      "Senior software engineer",
      "QA engineer",
      "Engineering manager",
      "Site reliability engineer",
    ],
  },
  {
    name: "Operations",
    weight: 12,
    jobTitles: ["Field technician", "Operations manager", "Logistics coordinator"],
  },
  { name: "Retail", weight: 12, jobTitles: ["Store manager", "Sales associate", "Cashier"] },
  {
    name: "Customer Support",
    weight: 9,
    jobTitles: ["Support engineer", "Customer success manager", "Support team lead"],
  },
  { name: "Clinical", weight: 7, jobTitles: ["Nurse", "Physician", "Pharmacist"] },
  {
    name: "Marketing",
    weight: 6,
    jobTitles: ["Marketing specialist", "Content strategist", "Brand manager"],
  },
  { name: "Finance", weight: 6, jobTitles: ["Accountant", "Financial analyst", "Controller"] },
  {
    name: "R&D",
    weight: 5,
    jobTitles: ["Research scientist", "Lab technician", "Product designer"],
  },
  {
    name: "IT",
    weight: 5,
    jobTitles: ["Systems administrator", "Helpdesk agent", "Network engineer"],
  },
  { name: "People", weight: 4, jobTitles: ["Recruiter", "HR business partner"] },
  {
    name: "Legal & Compliance",
    weight: 3,
    jobTitles: ["Paralegal", "Counsel", "Compliance officer"],
  },
  { name: "Facilities", weight: 3, jobTitles: ["Facilities coordinator", "Receptionist"] },
];
