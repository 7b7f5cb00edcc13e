using System.Globalization;
using CxBot.App.Messaging;
using CxBot.App.Signals;
using CxBot.Domain.Learnings;
using CxBot.Domain.Messaging;

namespace CxBot.App.Learnings;

/// <summary>The learnings channel's card for a newly published learning, built when it is sent.</summary>
public sealed class LearningChannelContent(ILearningStore learnings, SignalTopics topics) : IProactiveContent
{
    /// <summary>Content kind.</summary>
    public const string Kind = "learning-published";

    /// <inheritdoc />
    string IProactiveContent.Kind => Kind;

    /// <inheritdoc />
    public async Task<ProactiveContent?> BuildAsync(ProactiveMessage message, CultureInfo culture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var learning = message.SubjectId is null ? null : await learnings.GetAsync(message.SubjectId, cancellationToken).ConfigureAwait(false);
        if (learning is null)
        {
            return null;
        }

        var catalog = await topics.CatalogAsync(learning.TenantId, cancellationToken).ConfigureAwait(false);
        return new ProactiveContent(null, LearningCard.Build(learning, catalog, culture, heading: LearningCard.Strings.Get("Card.ChannelHeading", culture)));
    }

    /// <inheritdoc />
    public Task OnDeliveredAsync(ProactiveMessage message, PostedMessage posted, CancellationToken cancellationToken) => Task.CompletedTask;
}
