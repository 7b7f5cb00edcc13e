using Microsoft.Extensions.Options;

namespace CxBot.Storage.Setup;

/// <summary>The names of CxBot's tables and queues under the configured prefix; all are created at startup.</summary>
public sealed class StorageNames(IOptions<StorageOptions> options)
{
    private readonly string _prefix = options.Value.TablePrefix;

    /// <summary>Conversation references (proactive messages).</summary>
    public string Conversations => _prefix + "Conversations";

    /// <summary>Handled inbound activity ids (duplicate deliveries).</summary>
    public string ActivityLedger => _prefix + "ActivityLedger";

    /// <summary>Every table the app uses.</summary>
    public IReadOnlyList<string> AllTables => [Conversations, ActivityLedger];

    /// <summary>Surveys waiting to be sent.</summary>
    public string SurveyDispatchQueue => (_prefix + "-survey-dispatch").ToLowerInvariant();

    /// <summary>Every queue the app uses.</summary>
    public IReadOnlyList<string> AllQueues => [SurveyDispatchQueue];
}
