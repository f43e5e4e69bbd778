using System.Globalization;
using Kangfu.Web.Modules.Referrals;
using Kangfu.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.Web.Modules.FollowUps.Rules;

/// <summary>
/// Loads the default follow-up rules (embedded follow-up-rules.csv) into a district that has none. A district with
/// rules keeps them as it edited them. Returns the number added.
/// </summary>
public sealed class FollowUpRuleSeeder(KangfuDbFactory dbFactory)
{
    private const string ResourceName = "Kangfu.Web.Modules.FollowUps.Rules.follow-up-rules.csv";

    public async Task<int> HandleAsync(string districtCode, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        if (await db.FollowUpRules.AnyAsync(r => r.DistrictCode == districtCode, ct))
        {
            return 0;
        }
        var rules = Read(districtCode);
        db.FollowUpRules.AddRange(rules);
        await db.SaveChangesAsync(ct);
        return rules.Count;
    }

    public static List<FollowUpRule> Read(string districtCode)
    {
        using var stream = typeof(FollowUpRuleSeeder).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("Seed file missing: " + ResourceName);
        using var reader = new StreamReader(stream);
        var rules = new List<FollowUpRule>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            var f = line.Split(',');
            rules.Add(new FollowUpRule
            {
                DistrictCode = districtCode,
                Id = Guid.CreateVersion7(),
                CaseKind = Enum.Parse<CaseKind>(f[0]),
                Kind = Enum.Parse<FollowUpKind>(f[1]),
                Sequence = int.Parse(f[2], CultureInfo.InvariantCulture),
                OffsetMonths = int.Parse(f[3], CultureInfo.InvariantCulture),
                OffsetDays = int.Parse(f[4], CultureInfo.InvariantCulture),
                LeadDays = int.Parse(f[5], CultureInfo.InvariantCulture),
                GraceDays = int.Parse(f[6], CultureInfo.InvariantCulture),
                EffectiveFrom = DateOnly.ParseExact(f[7], "yyyy-MM-dd", CultureInfo.InvariantCulture),
                FormVersion = f[8],
            });
        }
        return rules;
    }
}
