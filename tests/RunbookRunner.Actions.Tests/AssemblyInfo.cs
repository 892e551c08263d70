using System.Runtime.Versioning;

// The actions run on Linux servers; these tests use /proc, process groups and POSIX file modes.
[assembly: SupportedOSPlatform("linux")]
