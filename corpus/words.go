package corpus

import "spur/schema"

// The word lists the generator draws from: real Swedish regions with a few
// of their towns, specialties with the name of the clinic that trains in
// them, and invented persons. Everything a report says at length
// (narratives, summary items, planned actions) comes from the fixtures.

type region struct {
	name  string
	towns []string
}

var regions = []region{
	{"Region Stockholm", []string{"Barkarby", "Södertälje", "Huddinge", "Danderyd", "Norrtälje"}},
	{"Region Uppsala", []string{"Uppsala", "Enköping", "Östhammar"}},
	{"Region Sörmland", []string{"Eskilstuna", "Nyköping", "Katrineholm"}},
	{"Region Östergötland", []string{"Linköping", "Norrköping", "Motala"}},
	{"Region Jönköpings län", []string{"Jönköping", "Värnamo", "Eksjö"}},
	{"Region Kronoberg", []string{"Växjö", "Ljungby"}},
	{"Region Kalmar län", []string{"Kalmar", "Västervik", "Oskarshamn"}},
	{"Region Gotland", []string{"Visby"}},
	{"Region Blekinge", []string{"Karlskrona", "Karlshamn"}},
	{"Region Skåne", []string{"Malmö", "Lund", "Helsingborg", "Kristianstad", "Ystad"}},
	{"Region Halland", []string{"Halmstad", "Varberg", "Kungsbacka"}},
	{"Västra Götalandsregionen", []string{"Göteborg", "Borås", "Skövde", "Trollhättan", "Uddevalla"}},
	{"Region Värmland", []string{"Karlstad", "Arvika", "Torsby"}},
	{"Region Örebro län", []string{"Örebro", "Karlskoga", "Lindesberg"}},
	{"Region Västmanland", []string{"Västerås", "Köping", "Sala"}},
	{"Region Dalarna", []string{"Falun", "Mora", "Borlänge"}},
	{"Region Gävleborg", []string{"Gävle", "Hudiksvall", "Bollnäs"}},
	{"Region Västernorrland", []string{"Sundsvall", "Örnsköldsvik", "Härnösand"}},
	{"Region Jämtland Härjedalen", []string{"Östersund", "Sveg"}},
	{"Region Västerbotten", []string{"Umeå", "Skellefteå", "Lycksele"}},
	{"Region Norrbotten", []string{"Luleå", "Piteå", "Kiruna", "Gällivare"}},
}

type specialty struct {
	name   string
	clinic string // "" for primary care: the unit is a vårdcentral
}

// specialties: allmänmedicin is listed thrice, as it is the specialty
// inspected most often.
var specialties = []specialty{
	{"Allmänmedicin", ""},
	{"Allmänmedicin", ""},
	{"Allmänmedicin", ""},
	{"Internmedicin", "Medicinkliniken"},
	{"Kirurgi", "Kirurgkliniken"},
	{"Psykiatri", "Psykiatriska kliniken"},
	{"Barn- och ungdomsmedicin", "Barn- och ungdomskliniken"},
	{"Obstetrik och gynekologi", "Kvinnokliniken"},
	{"Ortopedi", "Ortopedkliniken"},
	{"Anestesi och intensivvård", "Anestesi- och intensivvårdskliniken"},
	{"Akutsjukvård", "Akutkliniken"},
	{"Geriatrik", "Geriatriska kliniken"},
	{"Neurologi", "Neurologiska kliniken"},
	{"Radiologi", "Röntgenkliniken"},
	{"Palliativ medicin", "Palliativa enheten"},
	{"Öron-, näs- och halssjukdomar", "ÖNH-kliniken"},
}

// primaryCare names a vårdcentral; %s is the town.
var primaryCare = []string{"Vårdcentralen %s", "%s hälsocentral", "Vårdcentralen %s centrum", "Närhälsan %s", "Capio vårdcentral %s"}

// hospitals names the hospital of a clinic; %s is the town.
var hospitals = []string{"%s lasarett", "Länssjukhuset %s", "%s sjukhus", "Centralsjukhuset %s"}

var firstNames = []string{"Karin", "Johan", "Anna", "Erik", "Maria", "Lars", "Eva", "Per", "Sara", "Mikael",
	"Lena", "Anders", "Ingrid", "Oskar", "Elin", "Nils", "Helena", "Gustav", "Amira", "Reza", "Linnéa", "Åsa"}

var lastNames = []string{"Ek", "Sund", "Lindberg", "Wikström", "Sandell", "Holm", "Bergqvist", "Nyström",
	"Åberg", "Lund", "Öberg", "Hedlund", "Karimi", "Strand", "Forsberg", "Dahl", "Engström", "Björk"}

var responsibles = []string{"Verksamhetschefen", "Studierektor", "Verksamhetschef", "Huvudhandledaren",
	"Studierektor och verksamhetschef", "Medicinskt ledningsansvarig läkare"}

// comments is said of an unmet criterion when the fixtures have no comment
// on it.
var comments = []string{
	"Framkom inte vid intervjuerna att detta är på plats.",
	"Saknas enligt både ST-läkare och handledare.",
	"Rutin finns men är inte känd av ST-läkarna.",
	"Sker endast sporadiskt och dokumenteras inte.",
	"Verksamheten uppger att arbete pågår men inget är ännu genomfört.",
}

// notes end a generated narrative, so that no two read alike.
var notes = []string{
	"Vid inspektionen tjänstgjorde %d ST-läkare på enheten.",
	"Enheten har %d ST-läkare och lika många huvudhandledare.",
	"Inspektörerna träffade %d ST-läkare vid besöket.",
}

var reasons = []string{
	"Kalibreringsmöte med inspektörsgruppen.",
	"Inspektörernas samlade bedömning efter intervjuerna.",
	"Bristen är åtgärdad sedan besöket; styrkt med dokument.",
}

// unreadableDue are due dates a unit writes that name no day: spur keeps
// them as written and warns (Options.FollowUps).
var unreadableDue = []string{
	"när vi hinner",
	"efter omorganisationen",
	"i samband med nästa budgetår",
	"när ny studierektor är på plats",
	"snarast möjligt",
}

// ongoingDue are words for work under way instead of a date.
var ongoingDue = []string{"pågår", "löpande", "Pågående"}

// followUpNotes is what a follow-up found, by its status.
var followUpNotes = map[schema.FollowUpStatus][]string{
	schema.Done: {
		"Åtgärden är genomförd; styrkt med dokument.",
		"Rutinen är införd och känd av ST-läkarna.",
		"Genomförd enligt planen.",
		"Bekräftat vid uppföljningsmöte med studierektor.",
	},
	schema.Partly: {
		"Arbete pågår; klart under hösten enligt verksamheten.",
		"Två av tre handledare har gått handledarutbildningen.",
		"Rutinen är skriven men ännu inte införd.",
		"Påbörjad; schemat för utbildningstid är under omarbetning.",
	},
	schema.NotDone: {
		"Inget har hänt sedan handlingsplanen kom in.",
		"Inte påbörjad på grund av personalbrist.",
		"Verksamheten har inte kunnat redovisa något.",
	},
	schema.Postponed: {
		"Skjuts upp till nästa år i väntan på ny studierektor.",
		"Uppskjuten på grund av omorganisation.",
		"Ny tidplan: klart till våren.",
	},
}
