namespace CxBot.Domain.Channels;

/// <summary>The designations of one purpose across every tenant (what a deployment-wide job such as the digests posts to).</summary>
public interface IDesignationsByPurpose
{
    /// <summary>Every designation for <paramref name="purpose"/>, stale ones included (callers skip them).</summary>
    Task<IReadOnlyList<ChannelDesignation>> ListAllAsync(ChannelPurpose purpose, CancellationToken cancellationToken);
}
