namespace Kangfu.Web.Platform.Privacy;

public static class FieldEncryptionSetup
{
    /// <summary>
    /// Configures field encryption from Kangfu:Encryption (Cipher = AesGcm | Sm4, KeyFile, KeysJson). Outside Production
    /// (and for --demo) a development key file is generated when none is configured, with a warning.
    /// </summary>
    public static IServiceCollection AddFieldEncryption(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection("Kangfu:Encryption").Get<FieldEncryptionOptions>() ?? new FieldEncryptionOptions();
        var allowDevelopmentKey = !environment.IsProduction() || configuration.GetValue<bool>("demo");
        var source = FieldProtection.ConfigureFrom(options, allowDevelopmentKey);
        if (options.KeyFile is null && options.KeysJson is null)
        {
            Console.Error.WriteLine($"警告：字段加密使用开发密钥文件（{source}），仅供演示和测试。生产环境请配置 Kangfu:Encryption:KeyFile。");
        }
        services.AddSingleton(options);
        return services;
    }
}
