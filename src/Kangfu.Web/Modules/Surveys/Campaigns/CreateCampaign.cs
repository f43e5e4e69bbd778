using Kangfu.Web.Modules.Access;
using Kangfu.Web.Platform;
using Kangfu.Web.Platform.Data;
using Kangfu.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.Web.Modules.Surveys.Campaigns;

public sealed class CampaignInput
{
    public int Year { get; set; }
    /// <summary>A street (level 4) or community (level 5) in the user's scope.</summary>
    public string AreaCode { get; set; } = "";
    public string? Name { get; set; }
}

public sealed record CampaignRow(Guid Id, int Year, string AreaCode, string AreaName, string Name, DateOnly StartsOn, DateOnly EndsOn);

/// <summary>Opens the yearly needs survey (动态更新) of a street or community: one per area and year.</summary>
public sealed class CreateCampaign(KangfuDbFactory dbFactory, TimeProvider clock)
{
    public async Task<CampaignRow> HandleAsync(UserContext user, CampaignInput input, CancellationToken ct = default)
    {
        user.Demand(Permission.CampaignManage);
        var today = clock.Today();
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (input.Year < 2000 || input.Year > today.Year + 1)
        {
            errors[nameof(input.Year)] = $"年度须在 2000 至 {today.Year + 1} 之间";
        }
        if (input.Name is { Length: > 100 })
        {
            errors[nameof(input.Name)] = "名称不能超过 100 个字";
        }
        await using var db = dbFactory.CreateDbContext();
        var prefix = user.AreaPrefix ?? "";
        var area = await db.Areas.AsNoTracking().FirstOrDefaultAsync(a => a.DistrictCode == user.DistrictCode && a.Code == input.AreaCode
            && (a.Level == 4 || a.Level == 5) && a.Code.StartsWith(prefix), ct);
        if (area is null)
        {
            errors[nameof(input.AreaCode)] = "请选择您管辖范围内的街道或社区";
        }
        if (errors.Count > 0)
        {
            throw new InputInvalidException(errors);
        }
        if (await db.SurveyCampaigns.AnyAsync(c => c.DistrictCode == user.DistrictCode && c.Year == input.Year && c.AreaCode == input.AreaCode, ct))
        {
            throw new DomainException($"{area!.Name}{input.Year}年的入户调查已创建，不能重复创建。");
        }
        var campaign = new SurveyCampaign
        {
            DistrictCode = user.DistrictCode,
            Id = Guid.CreateVersion7(),
            Year = input.Year,
            AreaCode = area!.Code,
            Name = string.IsNullOrWhiteSpace(input.Name) ? $"{input.Year}年{area.Name}康复需求入户调查" : input.Name.Trim(),
            StartsOn = new DateOnly(input.Year, 1, 1),
            EndsOn = new DateOnly(input.Year, 12, 31),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.SurveyCampaigns.Add(campaign);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new DomainException($"{area.Name}{input.Year}年的入户调查已创建，不能重复创建。");
        }
        return new CampaignRow(campaign.Id, campaign.Year, area.Code, area.Name, campaign.Name, campaign.StartsOn, campaign.EndsOn);
    }
}
