using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Kangfu.Web.Modules.Access.Login;

/// <summary>
/// Login attempts per user name per minute (<see cref="SecurityOptions.LoginPermitsPerUserPerMinute"/>), on top of the
/// per-IP limiter: it slows a distributed guess against one account. Applied to the name as typed (trimmed, lower case)
/// before the account is looked up, so an unknown name is limited the same way and the answer reveals nothing.
/// </summary>
internal sealed class LoginNameLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter;

    public LoginNameLimiter(IOptions<SecurityOptions> options)
    {
        var permits = Math.Max(1, options.Value.LoginPermitsPerUserPerMinute);
        // Idle partitions are removed by the limiter itself, so random names do not accumulate.
        limiter = PartitionedRateLimiter.Create<string, string>(name => RateLimitPartition.GetFixedWindowLimiter(name, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));
    }

    public bool TryAcquire(string userName)
    {
        var key = userName.Trim().ToLowerInvariant();
        using var lease = limiter.AttemptAcquire(key.Length > 64 ? key[..64] : key);
        return lease.IsAcquired;
    }

    public void Dispose() => limiter.Dispose();
}
