using System.Net;
using Kangfu.IntegrationTests.Infrastructure;
using Kangfu.Web.Platform.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Kangfu.UiTests.Infrastructure;

/// <summary>The application on a real Kestrel port (a browser needs one), on a fresh SQLite database with the demo district.</summary>
public sealed class UiApp : KangfuApp
{
    public UiApp()
    {
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
    }

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    /// <summary>http://127.0.0.1:port, known once the server has started.</summary>
    public string BaseUrl => Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // _content/MudBlazor and the app's own assets come from the build output's static web assets manifest.
        builder.UseStaticWebAssets();
    }
}
