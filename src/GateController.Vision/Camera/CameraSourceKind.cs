namespace GateController.Vision.Camera;

internal enum CameraSourceKind
{
    DeviceIndex,
    DevicePath,
    Url,
    VideoFile,
    ImageFolder,
}
