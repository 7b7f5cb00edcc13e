using System.Text.Json.Serialization;

namespace CxBot.App.Contacts;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ContactRequest))]
[JsonSerializable(typeof(ContactResponse))]
internal sealed partial class ContactsJsonContext : JsonSerializerContext;
