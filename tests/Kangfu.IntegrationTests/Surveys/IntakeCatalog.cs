using Kangfu.IntegrationTests.Infrastructure;
using Kangfu.Web.Modules.Catalog;
using Kangfu.Web.Modules.Registry;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.IntegrationTests.Surveys;

/// <summary>A few need items of the national form, seeded by the tests themselves (codes T-…).</summary>
public static class IntakeCatalog
{
    public const string LimbTraining = "T-LIMB-TRAIN";
    public const string LimbDevice = "T-LIMB-DEVICE";
    public const string LimbSupport = "T-LIMB-SUPPORT";
    public const string LimbChildSurgery = "T-LIMB-CHILD";
    public const string BlindDevice = "T-VIS-DEVICE";
    public const string BlindMobility = "T-VIS-TRAIN";
    public const string HearingDevice = "T-HEAR-DEVICE";
    public const string Cognitive = "T-INT-TRAIN";

    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static async Task<IReadOnlyDictionary<string, Guid>> EnsureAsync(KangfuApp app)
    {
        await Gate.WaitAsync();
        try
        {
            return await app.WithDbAsync(async db =>
            {
                if (!await db.ServiceItems.AnyAsync(i => i.Code == LimbTraining))
                {
                    db.ServiceItems.AddRange(
                        Item(LimbChildSurgery, DisabilityCategory.Physical, "0-6岁儿童", "矫治手术", 101, max: 6),
                        Item(LimbTraining, DisabilityCategory.Physical, "7-17儿童及成人", "康复治疗及训练", 201, min: 7),
                        Item(LimbDevice, DisabilityCategory.Physical, "7-17儿童及成人", "辅助器具适配及服务", 202, min: 7, device: true),
                        Item(LimbSupport, DisabilityCategory.Physical, "7-17儿童及成人", "支持性服务", 203, min: 7),
                        Item(BlindDevice, DisabilityCategory.Visual, "盲人", "辅助器具适配及服务", 102, marker: PopulationMarker.Blind, device: true),
                        Item(BlindMobility, DisabilityCategory.Visual, "盲人", "定向行走及适应训练", 103, marker: PopulationMarker.Blind),
                        Item(HearingDevice, DisabilityCategory.Hearing, "成人", "辅助器具适配及适应训练", 301, min: 7, device: true),
                        Item(Cognitive, DisabilityCategory.Intellectual, "7-17儿童及成人", "认知及适应训练", 201, min: 7));
                    await db.SaveChangesAsync();
                }
                return (IReadOnlyDictionary<string, Guid>)await db.ServiceItems.Where(i => i.Code.StartsWith("T-")).ToDictionaryAsync(i => i.Code, i => i.Id);
            });
        }
        finally
        {
            Gate.Release();
        }
    }

    private static ServiceItem Item(string code, DisabilityCategory category, string row, string label, int order,
        int? min = null, int? max = null, PopulationMarker marker = PopulationMarker.None, bool device = false) => new()
        {
            DistrictCode = KangfuApp.District,
            Id = Guid.CreateVersion7(),
            CatalogYear = 2026,
            Code = code,
            Name = label,
            FormLabel = label,
            Category = category,
            SubPopulation = row,
            Marker = marker,
            AgeMin = min,
            AgeMax = max,
            FormOrder = order,
            Kind = device ? ServiceKind.Device : ServiceKind.Training,
            IsDeviceNeed = device,
            EffectiveFrom = new DateOnly(2020, 1, 1),
        };
}
