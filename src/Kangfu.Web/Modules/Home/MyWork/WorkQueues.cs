using Kangfu.Web.Modules.Access;

namespace Kangfu.Web.Modules.Home.MyWork;

/// <summary>One line of 我的待办: a queue of the user, its count, where to work on it; urgent lines are highlighted.</summary>
public sealed record WorkQueueCount(string Name, int Count, string Href, bool Urgent = false);

/// <summary>
/// A module that has work waiting for users (cases to assess, review, serve; follow-ups due or overdue; subsidies to
/// approve …). Register one per module with <c>services.AddScoped&lt;IWorkQueueSource, …&gt;()</c>: 我的待办 on the
/// home page lists the counts of every registered source, in registration order. Each source should count all its
/// queues in one grouped query.
/// </summary>
public interface IWorkQueueSource
{
    Task<IReadOnlyList<WorkQueueCount>> CountsAsync(UserContext user, CancellationToken ct = default);
}
