using CxBot.Domain.Learnings;
using CxBot.Domain.People;

namespace CxBot.Domain.Tests.Learnings;

/// <summary>A realistic set of learnings of one contact center, in English and Dutch, for relevance tests.</summary>
internal static class LearningSet
{
    public const string Tenant = "tenant-a";

    private static readonly DateTimeOffset Start = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);

    public static readonly (string Id, string Problem, string Answer, string Topic, string Language)[] Texts =
    [
        ("en-double-charge", "Customer was charged twice for one order", "Refund the second charge in the payment screen; the refund reaches the card in 3 to 5 days.", "billing", "en"),
        ("en-refund-late", "Refunds take longer than promised", "Check the refund date in the order history and tell the customer the bank's processing time.", "billing", "en"),
        ("en-invoice-address", "Wrong address on the invoice", "Change the billing address under account details and send a corrected invoice.", "billing", "en"),
        ("en-parcel-missing", "Parcel marked delivered but not received", "Ask the carrier for the proof of delivery; after 48 hours start a lost-parcel claim.", "delivery", "en"),
        ("en-delivery-slot", "Customer wants another delivery slot", "Rebook the slot in the planner before 18:00 the day before delivery.", "delivery", "en"),
        ("en-password-reset", "Password reset email never arrives", "Check the spam folder, then resend the reset link from the admin console.", "website-and-app", "en"),
        ("en-app-crash", "The app crashes when opening the invoice list", "Ask the customer to update the app; version 5.2 fixes the crash.", "website-and-app", "en"),
        ("en-contract-cancel", "Customer wants to cancel the contract early", "Explain the notice period and the early-termination fee before processing the cancellation.", "contract", "en"),
        ("en-callback", "Customer was promised a call back that never came", "Apologise, schedule the call back in the queue with a deadline, and call within 24 hours.", "other", "en"),
        ("en-opening-hours", "Customers call outside opening hours", "Point them to the chat, which is open until 22:00, and the self-service pages.", "opening-hours", "en"),
        ("en-discount-code", "Discount code is not accepted at checkout", "Codes are case sensitive and expire at midnight; apply the discount manually if it expired today.", "billing", "en"),
        ("en-damaged-product", "Product arrived damaged", "Send a replacement at once and ask for a photo; no need to return the damaged item.", "product", "en"),
        ("en-warranty", "Is the repair covered by the warranty?", "Repairs within two years of purchase are covered; check the purchase date on the invoice.", "product", "en"),
        ("en-waiting-queue", "Long waiting times in the phone queue", "Offer a call back instead of waiting; the callback keeps the customer's place.", "other", "en"),
        ("en-direct-debit", "Direct debit failed and a reminder fee was charged", "Waive the reminder fee once and set up the direct debit again.", "billing", "en"),
        ("en-moving", "Customer is moving house", "Update the address and delivery preferences; the contract moves with the customer.", "contract", "en"),
        ("nl-dubbel-betaald", "Klant heeft twee keer betaald voor één bestelling", "Stort het dubbel betaalde bedrag terug via het betaalscherm; het staat binnen 3 tot 5 dagen op de rekening.", "billing", "nl"),
        ("nl-factuur-fout", "Verkeerde bedragen op de factuur", "Controleer de factuurregels en stuur een creditnota met een nieuwe factuur.", "billing", "nl"),
        ("nl-factuur-niet-ontvangen", "Klant heeft de facturen niet ontvangen", "Controleer het e-mailadres in het klantprofiel en stuur de facturen opnieuw.", "billing", "nl"),
        ("nl-pakket-kwijt", "Pakket is zoekgeraakt bij de bezorger", "Vraag de vervoerder om een bezorgbewijs en start na 48 uur een onderzoek.", "delivery", "nl"),
        ("nl-retour", "Klant wil een product retourneren", "Maak een retourlabel aan; het geld wordt teruggestort als het pakket binnen is.", "product", "nl"),
        ("nl-reçu", "Klant vraagt om een reçu voor de contante betaling", "Maak het reçu aan in de kassamodule en mail het als pdf.", "billing", "nl"),
        ("nl-incasso", "Het bedrag is al geïnd maar de klant ziet een herinnering", "Een geïnd bedrag staat na twee werkdagen verwerkt; de herinnering mag worden genegeerd.", "billing", "nl"),
        ("nl-wachttijd", "Lange wachttijd aan de telefoon", "Bied aan om terug te bellen; de klant houdt zijn plek in de wachtrij.", "other", "nl"),
        ("nl-terugbellen", "Klant is niet teruggebeld terwijl dat beloofd was", "Bied excuses aan, plan het terugbelverzoek met een deadline en bel binnen 24 uur.", "other", "nl"),
        ("nl-opzeggen", "Klant wil het abonnement opzeggen", "Leg de opzegtermijn uit en vraag naar de reden; bied zo nodig een pauze aan.", "contract", "nl"),
        ("nl-wachtwoord", "Wachtwoord vergeten en geen e-mail ontvangen", "Kijk in de spammap en verstuur de herstellink opnieuw vanuit de beheeromgeving.", "website-and-app", "nl"),
        ("nl-app-storing", "De app loopt vast bij het inloggen", "Laat de klant de app bijwerken naar versie 5.2.", "website-and-app", "nl"),
        ("nl-bezorgmoment", "Klant wil een ander bezorgmoment", "Wijzig het tijdvak in de planner vóór 18:00 uur de dag voor bezorging.", "delivery", "nl"),
        ("nl-kapot", "Product kwam kapot aan", "Stuur direct een vervangend product en vraag om een foto.", "product", "nl"),
        ("nl-garantie", "Valt de reparatie onder de garantie?", "Reparaties binnen twee jaar na aankoop vallen onder de garantie.", "product", "nl"),
        ("nl-verhuizen", "Klant gaat verhuizen", "Pas het adres en de bezorgvoorkeuren aan; het contract verhuist mee.", "contract", "nl"),
        ("nl-kortingscode", "Kortingscode werkt niet bij het afrekenen", "Codes zijn hoofdlettergevoelig; geef de korting handmatig als de code vandaag verliep.", "billing", "nl"),
        ("nl-openingstijden", "Klanten bellen buiten de openingstijden", "Verwijs naar de chat, die tot 22:00 uur open is.", "opening-hours", "nl"),
    ];

    public static IReadOnlyList<Learning> All() => [.. Texts.Select((t, i) => Make(t.Id, t.Problem, t.Answer, t.Topic, t.Language, Start.AddDays(i)))];

    public static Learning Make(string id, string problem, string answer, string topic = "billing", string language = "en", DateTimeOffset? at = null,
        LearningCounts? counts = null, string tenant = Tenant) => new()
    {
        LearningId = id,
        TenantId = tenant,
        Problem = problem,
        Answer = answer,
        Driver = "reliability",
        TopicKey = topic,
        Source = new LearningSource(LearningSourceKind.Signal, "signal-" + id),
        Language = language,
        PublishedBy = new PersonRef("Sam Supervisor") { ObjectId = "sup-1" },
        PublishedAt = at ?? Start,
        Counts = counts ?? LearningCounts.None,
    };
}
