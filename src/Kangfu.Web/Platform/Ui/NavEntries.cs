using Kangfu.Web.Modules.Access;
using MudBlazor;

namespace Kangfu.Web.Platform.Ui;

/// <summary>One link of the main navigation, or a group of links.</summary>
/// <param name="Href">The link's path; for a group, the id of its list.</param>
/// <param name="Text">The link's or the group's text.</param>
/// <param name="Icon">A MudBlazor <c>Icons.*</c> SVG.</param>
/// <param name="Exact">Active only on exactly this path (NavLinkMatch.All); otherwise also on the paths below it.</param>
/// <param name="Items">The links of a group; null for a link.</param>
internal sealed record NavEntry(string Href, string Text, string Icon, bool Exact = false, IReadOnlyList<NavEntry>? Items = null);

/// <summary>The main navigation for a user's permissions.</summary>
internal static class NavEntries
{
    public static IReadOnlyList<NavEntry> For(Func<Permission, bool> can)
    {
        var entries = new List<NavEntry> { new("/", "工作台", Icons.Material.Filled.Dashboard, Exact: true) };
        if (can(Permission.PersonRead))
        {
            entries.Add(Group("nav-persons", "残疾人档案", Icons.Material.Filled.People,
                new("/persons", "人员名册", Icons.Material.Filled.List),
                can(Permission.PersonImport) ? new("/persons/import", "导入名册", Icons.Material.Filled.UploadFile) : null));
            entries.Add(new("/surveys", "入户调查", Icons.Material.Filled.AssignmentInd));
        }
        entries.Add(Group("nav-catalog", "服务目录", Icons.Material.Filled.MenuBook,
            new("/catalog", "康复服务项目", Icons.Material.Filled.ListAlt, Exact: true),
            new("/catalog/devices", "辅助器具目录", Icons.Material.Filled.Accessible)));
        entries.Add(new("/cases", "个案待办", Icons.Material.Filled.AssignmentTurnedIn));
        if (can(Permission.PersonRead))
        {
            entries.Add(new("/followups", "回访提醒", Icons.Material.Filled.EventRepeat));
        }
        if (can(Permission.SubsidyRead))
        {
            entries.Add(Group("nav-subsidies", "补贴与服务", Icons.Material.Filled.CreditCard,
                new("/subsidies", "补贴审批", Icons.Material.Filled.FactCheck),
                new("/budgets", "资金预算", Icons.Material.Filled.AccountBalance),
                can(Permission.ServiceDeliver) ? new("/workspace", "机构工作台", Icons.Material.Filled.MedicalServices) : null));
        }
        if (can(Permission.OrganizationManage))
        {
            entries.Add(Group("nav-organization", "组织机构", Icons.Material.Filled.AccountTree,
                new("/areas", "行政区划", Icons.Material.Filled.Map),
                new("/institutions", "服务机构", Icons.Material.Filled.LocalHospital)));
        }
        if (can(Permission.UserManage))
        {
            entries.Add(new("/users", "用户管理", Icons.Material.Filled.ManageAccounts));
        }
        if (can(Permission.AuditRead))
        {
            entries.Add(new("/audit", "审计日志", Icons.Material.Filled.ManageSearch));
        }
        return entries;
    }

    private static NavEntry Group(string id, string title, string icon, params NavEntry?[] items) =>
        new(id, title, icon, Items: items.OfType<NavEntry>().ToList());
}
