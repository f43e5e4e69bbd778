using System.Globalization;
using Kangfu.Web.Modules.Registry;
using Kangfu.Web.Modules.Subsidies.Decide;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.Web.Modules.Subsidies.Cards;

/// <summary>Puts an approved item on the person's card of the year, issuing the card (next number of the district and year) if there is none.</summary>
public sealed class CardIssuer
{
    public async Task<Guid> AddItemAsync(ApplicationStep step, Guid fundSourceId, decimal amount, CancellationToken ct)
    {
        var a = step.Application;
        var card = await step.Db.ServiceCards.FirstOrDefaultAsync(c => c.DistrictCode == a.DistrictCode && c.PersonId == a.PersonId && c.Year == a.Year, ct);
        if (card is null)
        {
            var last = await step.Db.ServiceCards.Where(c => c.DistrictCode == a.DistrictCode && c.Year == a.Year).MaxAsync(c => (int?)c.Sequence, ct) ?? 0;
            card = new ServiceCard
            {
                DistrictCode = a.DistrictCode,
                Id = Guid.CreateVersion7(),
                Sequence = last + 1,
                Number = Number(a.DistrictCode, a.Year, last + 1),
                PersonId = a.PersonId,
                Year = a.Year,
                ValidFrom = step.Today.Year == a.Year ? step.Today : new DateOnly(a.Year, 1, 1),
                ValidTo = new DateOnly(a.Year, 12, 31),
                IssuedAt = step.Now,
            };
            step.Db.ServiceCards.Add(card);
            step.Db.PersonEvents.Add(PersonEvent.Create(a.DistrictCode, a.PersonId, step.Now, "subsidies.cardIssued",
                $"发放服务卡 {card.Number}", $"有效期至{card.ValidTo.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}", step.User.DisplayName));
        }
        step.Db.ServiceCardItems.Add(new ServiceCardItem
        {
            DistrictCode = a.DistrictCode,
            Id = Guid.CreateVersion7(),
            CardId = card.Id,
            ApplicationId = a.Id,
            CaseId = a.CaseId,
            ServiceItemId = a.ServiceItemId,
            ServiceItemCode = a.ServiceItemCode,
            ServiceItemName = a.ServiceItemName,
            FundSourceId = fundSourceId,
            ApprovedAmount = amount,
        });
        return card.Id;
    }

    /// <summary>KF-120116-2026-000123</summary>
    public static string Number(string district, int year, int sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"KF-{district}-{year}-{sequence:000000}");
}
