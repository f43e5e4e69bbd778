using System.Diagnostics;
using Kangfu.Web.Modules.Access;
using Kangfu.Web.Platform.Excel;

namespace Kangfu.Web.Modules.Registry.Export;

internal static class ExportStamps
{
    /// <summary>The stamp of a file produced now for this user; the trace id ties the file to its audit row.</summary>
    public static ExportStamp For(UserContext user, TimeProvider clock) => new(
        user.UserName, user.DisplayName, string.Join("、", user.Roles), clock.GetUtcNow().UtcDateTime,
        Activity.Current?.TraceId.ToHexString() ?? Guid.CreateVersion7().ToString("N"));
}
