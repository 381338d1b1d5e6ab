<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>cf::ui::AudioControls</name>
    <message>
        <source>Mute</source>
        <translation>静音</translation>
    </message>
    <message>
        <source>Mute the preview&apos;s sound (playback keeps its timing)</source>
        <translation>将预览的声音静音（播放保持其节奏）</translation>
    </message>
    <message>
        <source>No sound</source>
        <translation>没有声音</translation>
    </message>
    <message>
        <source>Volume of the preview&apos;s sound, in per cent</source>
        <translation>预览声音的音量（百分比）</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>音量</translation>
    </message>
</context>
<context>
    <name>cf::ui::AudioPlayback</name>
    <message>
        <source>No sound output device; the video plays without sound.</source>
        <translation>没有声音输出设备；视频将无声播放。</translation>
    </message>
    <message>
        <source>The sound output could not start; the video plays without sound.</source>
        <translation>声音输出无法启动；视频将无声播放。</translation>
    </message>
</context>
<context>
    <name>cf::ui::CacheDialog</name>
    <message>
        <source>Cache</source>
        <translation>缓存</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Delete the cached network output and optical flows of this video; they are computed again when needed</source>
        <translation>删除此视频缓存的网络输出和光流；需要时会重新计算</translation>
    </message>
    <message>
        <source>Clear all</source>
        <translation>全部清除</translation>
    </message>
    <message>
        <source>Delete the cache of every video</source>
        <translation>删除所有视频的缓存</translation>
    </message>
    <message>
        <source>This video:</source>
        <translation>此视频：</translation>
    </message>
    <message>
        <source>All videos:</source>
        <translation>所有视频：</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>无限制</translation>
    </message>
    <message>
        <source>Beyond this size the least recently used videos&apos; caches are deleted</source>
        <translation>超过此大小时，删除最久未使用的视频的缓存</translation>
    </message>
    <message>
        <source>Size limit:</source>
        <translation>大小上限：</translation>
    </message>
    <message>
        <source>Move…</source>
        <translation>移动…</translation>
    </message>
    <message>
        <source>Move the cache, with everything in it, to another folder</source>
        <translation>将缓存及其全部内容移动到另一个文件夹</translation>
    </message>
    <message>
        <source>Cache folder:</source>
        <translation>缓存文件夹：</translation>
    </message>
    <message>
        <source>no video open</source>
        <translation>未打开视频</translation>
    </message>
    <message numerus="yes">
        <source>%1 in %n folder(s)</source>
        <translation>
            <numerusform>%1，共 %n 个文件夹</numerusform>
        </translation>
    </message>
    <message>
        <source>The cache of this video was cleared.</source>
        <translation>已清除此视频的缓存。</translation>
    </message>
    <message>
        <source>The cache was cleared.</source>
        <translation>已清除缓存。</translation>
    </message>
    <message>
        <source>%1 of least recently used caches deleted.</source>
        <translation>已删除 %1 最久未使用的缓存。</translation>
    </message>
    <message>
        <source>The cache was moved to %1.</source>
        <translation>缓存已移动到 %1。</translation>
    </message>
    <message>
        <source>Move the cache to</source>
        <translation>将缓存移动到</translation>
    </message>
</context>
<context>
    <name>cf::ui::CoreText</name>
    <message>
        <source>sepia: %1 % of chroma in the %2-%3 degree hue band</source>
        <translation>棕褐色调：%1% 的色度落在 %2-%3 度色相范围内</translation>
    </message>
    <message>
        <source>desaturated: colourfulness %1 is below %2 (colour averaging)</source>
        <translation>饱和度过低：色彩丰富度 %1 低于 %2（颜色平均化）</translation>
    </message>
    <message>
        <source>desaturated: colourfulness %1, far below the shot&apos;s median %2</source>
        <translation>饱和度过低：色彩丰富度 %1，远低于该镜头的中位数 %2</translation>
    </message>
    <message>
        <source>low confidence on %1 % of the frame</source>
        <translation>画面中 %1% 的区域置信度低</translation>
    </message>
    <message>
        <source>confidence %1, far below the shot&apos;s median %2</source>
        <translation>置信度 %1，远低于该镜头的中位数 %2</translation>
    </message>
    <message>
        <source>flicker: the colour jumps by %1 ab units between frames</source>
        <translation>闪烁：相邻帧之间颜色跳变 %1 个 ab 单位</translation>
    </message>
    <message>
        <source>flicker %1 times the shot&apos;s median</source>
        <translation>闪烁：达到该镜头中位数的 %1 倍</translation>
    </message>
    <message>
        <source>heavy motion or an undetected cut: %1 % occluded</source>
        <translation>剧烈运动或未检测到的镜头切换：%1% 被遮挡</translation>
    </message>
    <message>
        <source>heavy motion: %1 % occluded</source>
        <translation>剧烈运动：%1% 被遮挡</translation>
    </message>
    <message>
        <source>heavy motion: %1 % of the frame width per frame</source>
        <translation>剧烈运动：每帧移动画面宽度的 %1%</translation>
    </message>
    <message numerus="yes">
        <source>CPU (%n thread(s))</source>
        <translation>
            <numerusform>CPU（%n 个线程）</numerusform>
        </translation>
    </message>
    <message>
        <source>CUDA GPU (half precision)</source>
        <translation>CUDA GPU（半精度）</translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>正在导出</translation>
    </message>
    <message>
        <source>Scanning for cuts</source>
        <translation>正在检测镜头切换</translation>
    </message>
    <message>
        <source>Analysing</source>
        <translation>正在分析</translation>
    </message>
</context>
<context>
    <name>cf::ui::ExportDialog</name>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Export colourised video</source>
        <translation>导出上色后的视频</translation>
    </message>
    <message>
        <source>MKV / FFV1 (lossless)</source>
        <translation>MKV / FFV1（无损）</translation>
    </message>
    <message>
        <source>Image sequence / %1</source>
        <translation>图像序列 / %1</translation>
    </message>
    <message>
        <source>As the source</source>
        <translation>与源相同</translation>
    </message>
    <message>
        <source>Bit depth</source>
        <translation>位深度</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Constant rate factor: lower is better and larger; 18 looks lossless</source>
        <translation>恒定码率因子：数值越低画质越好、文件越大；18 看起来接近无损</translation>
    </message>
    <message>
        <source>Whole video</source>
        <translation>整个视频</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>音频</translation>
    </message>
    <message>
        <source>Choose where to save</source>
        <translation>选择保存位置</translation>
    </message>
    <message>
        <source>Output file</source>
        <translation>输出文件</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Cancel export</source>
        <translation>取消导出</translation>
    </message>
    <message>
        <source>In/out range (frames %1-%2)</source>
        <translation>入点/出点范围（第 %1-%2 帧）</translation>
    </message>
    <message>
        <source>In/out range (set with I and O)</source>
        <translation>入点/出点范围（用 I 和 O 设置）</translation>
    </message>
    <message>
        <source>Keep the original sound</source>
        <translation>保留原始声音</translation>
    </message>
    <message>
        <source>Keep the original sound (the source has none)</source>
        <translation>保留原始声音（源视频没有声音）</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>导出到</translation>
    </message>
    <message>
        <source>Video files (*.mp4 *.mkv *.mov)</source>
        <translation>视频文件 (*.mp4 *.mkv *.mov)</translation>
    </message>
    <message>
        <source>Choose an output file first.</source>
        <translation>请先选择输出文件。</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Frame %1 of %2, ETA %3</source>
        <translation>第 %1 帧，共 %2 帧，剩余 %3</translation>
    </message>
    <message>
        <source>Frame %1 of %2</source>
        <translation>第 %1 帧，共 %2 帧</translation>
    </message>
    <message>
        <source>Container and video codec of the exported file; FFV1 is lossless and large, ProRes suits editing software</source>
        <translation>导出文件的容器和视频编码；FFV1 无损但文件大，ProRes 适合剪辑软件</translation>
    </message>
    <message>
        <source>Quality (CRF, 0-51)</source>
        <translation>质量（CRF，0-51）</translation>
    </message>
    <message>
        <source>Export every frame of the video</source>
        <translation>导出视频的每一帧</translation>
    </message>
    <message>
        <source>Export only the frames between the in and out points</source>
        <translation>只导出入点和出点之间的帧</translation>
    </message>
    <message>
        <source>Copy the source&apos;s sound into the export, unchanged</source>
        <translation>将源文件的声音原样复制到导出文件中</translation>
    </message>
    <message>
        <source>The file the colourised video is written to (it appears only once the export has finished)</source>
        <translation>着色视频写入的文件（导出完成后才会出现）</translation>
    </message>
    <message>
        <source>Bits per colour channel of the output; &quot;As the source&quot; keeps the source&apos;s depth (10 bits or more suit archive masters)</source>
        <translation>输出每个颜色通道的位数；“与源相同”保持源的位深（10 位及以上适合存档母版）</translation>
    </message>
</context>
<context>
    <name>cf::ui::FailuresPanel</name>
    <message>
        <source>Frames</source>
        <translation>帧</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>No failures flagged so far</source>
        <translation>目前尚未标记任何问题</translation>
    </message>
    <message numerus="yes">
        <source>%n flagged range(s)</source>
        <translation>
            <numerusform>已标记 %n 个范围</numerusform>
        </translation>
    </message>
    <message>
        <source>Ignored</source>
        <translation>已忽略</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>已检查</translation>
    </message>
    <message>
        <source>All kinds (%1)</source>
        <translation>所有类型 (%1)</translation>
    </message>
    <message>
        <source>%1 marked</source>
        <translation>已标记 %1 个</translation>
    </message>
    <message>
        <source>Mark</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>By time</source>
        <translation>按时间</translation>
    </message>
    <message>
        <source>By severity</source>
        <translation>按严重程度</translation>
    </message>
    <message>
        <source>Order of the list: by first frame, or the worst failures first</source>
        <translation>列表顺序：按起始帧，或最严重的失败在前</translation>
    </message>
    <message>
        <source>Show only the failures of one kind</source>
        <translation>只显示一种类型的失败</translation>
    </message>
    <message>
        <source>Hide ignored</source>
        <translation>隐藏已忽略</translation>
    </message>
    <message>
        <source>Mark reviewed</source>
        <translation>标记为已检查</translation>
    </message>
    <message>
        <source>Mark the selected failures as looked at</source>
        <translation>将所选失败标记为已查看</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>忽略</translation>
    </message>
    <message>
        <source>Mark the selected failures as acceptable (saved in the project)</source>
        <translation>将所选失败标记为可接受（保存在项目中）</translation>
    </message>
    <message>
        <source>Clear mark</source>
        <translation>清除标记</translation>
    </message>
    <message>
        <source>Add Keyframe Here</source>
        <translation>在此添加关键帧</translation>
    </message>
</context>
<context>
    <name>cf::ui::GradePanel</name>
    <message>
        <source>Saturation (%)</source>
        <translation>饱和度（%）</translation>
    </message>
    <message>
        <source>How colourful the shot is: 0 % is grey, 100 % unchanged, 300 % three times as strong</source>
        <translation>镜头的色彩强度：0% 为灰色，100% 不变，300% 为三倍强度</translation>
    </message>
    <message>
        <source>Temperature (b*)</source>
        <translation>色温（b*）</translation>
    </message>
    <message>
        <source>White balance: to the right warmer (yellow), to the left cooler (blue), in Lab b* units</source>
        <translation>白平衡：向右更暖（黄），向左更冷（蓝），单位为 Lab b*</translation>
    </message>
    <message>
        <source>Tint (a*)</source>
        <translation>色调（a*）</translation>
    </message>
    <message>
        <source>White balance: to the right magenta, to the left green, in Lab a* units</source>
        <translation>白平衡：向右偏品红，向左偏绿，单位为 Lab a*</translation>
    </message>
    <message>
        <source>Hue remap</source>
        <translation>色相重映射</translation>
    </message>
    <message>
        <source>Move one range of hues to another hue, e.g. make these reds blue</source>
        <translation>将一段色相范围移到另一个色相，例如把这些红色变成蓝色</translation>
    </message>
    <message>
        <source>From hue (°)</source>
        <translation>起始色相（°）</translation>
    </message>
    <message>
        <source>Start of the hue range to move (Lab hue angle: red about 40°, yellow 90°, green 135°, blue 280°)</source>
        <translation>要移动的色相范围的起点（Lab 色相角：红约 40°，黄 90°，绿 135°，蓝 280°）</translation>
    </message>
    <message>
        <source>To hue (°)</source>
        <translation>结束色相（°）</translation>
    </message>
    <message>
        <source>End of the hue range to move</source>
        <translation>要移动的色相范围的终点</translation>
    </message>
    <message>
        <source>Target hue (°)</source>
        <translation>目标色相（°）</translation>
    </message>
    <message>
        <source>The hue the middle of the range moves to</source>
        <translation>范围中心移动到的色相</translation>
    </message>
    <message>
        <source>Softness (°)</source>
        <translation>柔和度（°）</translation>
    </message>
    <message>
        <source>Hues this close outside the range move part of the way, so edges do not band</source>
        <translation>范围外这么近的色相会部分移动，避免边缘出现色带</translation>
    </message>
    <message>
        <source>Reset the shot&apos;s grade</source>
        <translation>重置该镜头的调色</translation>
    </message>
    <message>
        <source>Back to the colours the model gave the shot</source>
        <translation>恢复为模型给该镜头的颜色</translation>
    </message>
    <message>
        <source>Grade of the shot at frames %1-%2</source>
        <translation>第 %1-%2 帧镜头的调色</translation>
    </message>
    <message>
        <source>No video open</source>
        <translation>未打开视频</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
</context>
<context>
    <name>cf::ui::GuideProgress</name>
    <message>
        <source>Keyframe colour: propagating through the shot</source>
        <translation>关键帧颜色：正在传播到整个镜头</translation>
    </message>
    <message>
        <source>Keyframe colour of frames %1 to %2 is ready</source>
        <translation>第 %1 至 %2 帧的关键帧颜色已就绪</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>ETA %1</source>
        <translation>剩余时间 %1</translation>
    </message>
    <message>
        <source>Keyframe colour stopped: the shot previews without it until a keyframe or hint changes</source>
        <translation>关键帧颜色已停止：在关键帧或提示更改之前，该镜头的预览不含关键帧颜色</translation>
    </message>
    <message>
        <source>Stopped at %p%</source>
        <translation>停止于 %p%</translation>
    </message>
    <message>
        <source>It reaches less than half of frames %1 to %2 (at frame %3 only %4 % of the picture), where the network guesses the colour: a reference or hints there would help.</source>
        <translation>它在第 %1 至 %2 帧覆盖不到一半（第 %3 帧仅覆盖画面的 %4 %），那里的颜色由网络猜测：在那里添加参考图像或颜色提示会有帮助。</translation>
    </message>
    <message>
        <source>Go to Frame %1</source>
        <translation>转到第 %1 帧</translation>
    </message>
</context>
<context>
    <name>cf::ui::JobPanel</name>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>ETA %1</source>
        <translation>剩余 %1</translation>
    </message>
    <message>
        <source>Exports</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Open Folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>Export to %1</source>
        <translation>导出到 %1</translation>
    </message>
    <message>
        <source>Waiting for the exports before it</source>
        <translation>正在等待之前的导出</translation>
    </message>
    <message>
        <source>Cancelled at %p%</source>
        <translation>在 %p% 处取消</translation>
    </message>
    <message>
        <source>Failed at %p%</source>
        <translation>在 %p% 处失败</translation>
    </message>
    <message>
        <source>Analysis: no video open</source>
        <translation>分析：未打开视频</translation>
    </message>
    <message numerus="yes">
        <source>Analysis complete: %n frame(s)</source>
        <translation>
            <numerusform>分析完成：%n 帧</numerusform>
        </translation>
    </message>
    <message>
        <source>Analysing in the background, ETA %1</source>
        <translation>正在后台分析，剩余 %1</translation>
    </message>
    <message>
        <source>Analysing in the background</source>
        <translation>正在后台分析</translation>
    </message>
</context>
<context>
    <name>cf::ui::JobQueue</name>
    <message>
        <source>Exported %1</source>
        <translation>已导出 %1</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>导出已取消；未写入任何文件。</translation>
    </message>
</context>
<context>
    <name>cf::ui::KeyframeLane</name>
    <message>
        <source>Keyframe at frame %1: drag to move it, right-click for more</source>
        <translation>第 %1 帧的关键帧：拖动可移动，右键单击查看更多</translation>
    </message>
    <message>
        <source>Keyframes: frames with a reference image or colour hints</source>
        <translation>关键帧：带有参考图像或颜色提示的帧</translation>
    </message>
    <message>
        <source>Go to Keyframe %1</source>
        <translation>转到关键帧 %1</translation>
    </message>
    <message>
        <source>Remove Keyframe %1</source>
        <translation>移除关键帧 %1</translation>
    </message>
    <message>
        <source>Set Reference Image for Frame %1…</source>
        <translation>为第 %1 帧设置参考图像…</translation>
    </message>
</context>
<context>
    <name>cf::ui::MainWindow</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Failures</source>
        <translation>问题帧</translation>
    </message>
    <message>
        <source>Could not open the video</source>
        <translation>无法打开该视频</translation>
    </message>
    <message>
        <source>Analysed</source>
        <translation>已分析</translation>
    </message>
    <message>
        <source>Exporting: frame %1 of %2 %3</source>
        <translation>正在导出：第 %1/%2 帧 %3</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>已打开 %1</translation>
    </message>
    <message>
        <source>No video</source>
        <translation>无视频</translation>
    </message>
    <message>
        <source>About Chromaflow</source>
        <translation>关于 Chromaflow</translation>
    </message>
    <message>
        <source>&amp;Open Video…</source>
        <translation>打开视频(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;Project…</source>
        <translation>打开项目(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Save Project</source>
        <translation>保存项目(&amp;S)</translation>
    </message>
    <message>
        <source>Save Project &amp;As…</source>
        <translation>项目另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Play / Pause</source>
        <translation>播放/暂停(&amp;P)</translation>
    </message>
    <message>
        <source>Play &amp;Backwards (J)</source>
        <translation>倒放 (J)(&amp;B)</translation>
    </message>
    <message>
        <source>Pa&amp;use (K)</source>
        <translation>暂停 (K)(&amp;U)</translation>
    </message>
    <message>
        <source>Play &amp;Forwards (L)</source>
        <translation>正向播放 (L)(&amp;F)</translation>
    </message>
    <message>
        <source>Previous Frame</source>
        <translation>上一帧</translation>
    </message>
    <message>
        <source>Next Frame</source>
        <translation>下一帧</translation>
    </message>
    <message>
        <source>Go to Start</source>
        <translation>跳到开头</translation>
    </message>
    <message>
        <source>Go to End</source>
        <translation>跳到结尾</translation>
    </message>
    <message>
        <source>Set &amp;In Point</source>
        <translation>设置入点(&amp;I)</translation>
    </message>
    <message>
        <source>Set &amp;Out Point</source>
        <translation>设置出点(&amp;O)</translation>
    </message>
    <message>
        <source>Clear In/Out</source>
        <translation>清除入点/出点</translation>
    </message>
    <message>
        <source>Previous Failure</source>
        <translation>上一个问题帧</translation>
    </message>
    <message>
        <source>Side by Side</source>
        <translation>并排</translation>
    </message>
    <message>
        <source>Split Wipe</source>
        <translation>分割擦除</translation>
    </message>
    <message>
        <source>Single View</source>
        <translation>单画面</translation>
    </message>
    <message>
        <source>Toggle Single Side</source>
        <translation>切换显示的一侧</translation>
    </message>
    <message>
        <source>Original | Colourised</source>
        <translation>原始 | 上色</translation>
    </message>
    <message>
        <source>Raw Network | Smoothed</source>
        <translation>网络原始输出 | 平滑后</translation>
    </message>
    <message>
        <source>Source Colours | Colourised</source>
        <translation>源颜色 | 上色</translation>
    </message>
    <message>
        <source>Confidence &amp;Overlay</source>
        <translation>置信度叠加(&amp;O)</translation>
    </message>
    <message>
        <source>Zoom to &amp;Fit</source>
        <translation>适应窗口(&amp;F)</translation>
    </message>
    <message>
        <source>Zoom &amp;1:1</source>
        <translation>原始大小 1:1(&amp;1)</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom O&amp;ut</source>
        <translation>缩小(&amp;U)</translation>
    </message>
    <message>
        <source>Timeline Zoom In</source>
        <translation>放大时间线</translation>
    </message>
    <message>
        <source>Timeline Zoom Out</source>
        <translation>缩小时间线</translation>
    </message>
    <message>
        <source>Timeline: Whole Film</source>
        <translation>时间线：整部影片</translation>
    </message>
    <message>
        <source>System Default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>&amp;About Chromaflow</source>
        <translation>关于 Chromaflow(&amp;A)</translation>
    </message>
    <message>
        <source>Run the network and the failure analysis over the whole video while you work, starting at the playhead</source>
        <translation>在您工作时从播放头开始对整个视频运行网络和问题分析</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>撤销：%1(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>重做：%1(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Playback</source>
        <translation>播放(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Opening %1 and loading the model…</source>
        <translation>正在打开 %1 并加载模型…</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Open a video</source>
        <translation>打开视频</translation>
    </message>
    <message>
        <source>Videos (*.mp4 *.mkv *.mov *.avi *.webm *.m4v *.mpg);;Photos and image sequences (*.dpx *.tif *.tiff *.png *.jpg *.jpeg *.exr *.webp *.bmp);;Chromaflow projects (*.chromaflow);;All files (*)</source>
        <translation>视频 (*.mp4 *.mkv *.mov *.avi *.webm *.m4v *.mpg);;照片和图像序列 (*.dpx *.tif *.tiff *.png *.jpg *.jpeg *.exr *.webp *.bmp);;Chromaflow 项目 (*.chromaflow);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open a project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <source>Chromaflow projects (*.chromaflow)</source>
        <translation>Chromaflow 项目 (*.chromaflow)</translation>
    </message>
    <message>
        <source>Save project</source>
        <translation>保存项目</translation>
    </message>
    <message>
        <source>Clear List</source>
        <translation>清除列表</translation>
    </message>
    <message>
        <source>No further failures after this frame</source>
        <translation>此帧之后没有更多问题帧</translation>
    </message>
    <message>
        <source>No earlier failures before this frame</source>
        <translation>此帧之前没有问题帧</translation>
    </message>
    <message>
        <source>Open a video before exporting</source>
        <translation>请先打开视频再导出</translation>
    </message>
    <message>
        <source>Open a black-and-white video to start (%1 or drop a file)</source>
        <translation>打开一个黑白视频即可开始（%1 或拖入文件）</translation>
    </message>
    <message>
        <source>Chromaflow could not finish the preview, the settings or the analysis</source>
        <translation>Chromaflow 无法完成预览、设置或分析</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Could not open the project</source>
        <translation>无法打开项目</translation>
    </message>
    <message>
        <source>Could not save the project</source>
        <translation>无法保存项目</translation>
    </message>
    <message>
        <source>&amp;Next Failure</source>
        <translation>下一个问题帧(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Analyse in Background</source>
        <translation>后台分析(&amp;A)</translation>
    </message>
    <message numerus="yes">
        <source>Analysed %1 of %n frame(s)</source>
        <translation>
            <numerusform>已分析 %1/%n 帧</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Opened %1: %n frame(s) at %2 fps</source>
        <translation>
            <numerusform>已打开 %1：%n 帧，%2 fps</numerusform>
        </translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>ETA %1</source>
        <translation>剩余 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n export(s) still running or queued.</source>
        <translation>
            <numerusform>还有 %n 个导出正在运行或排队。</numerusform>
        </translation>
    </message>
    <message>
        <source>Quitting cancels them and removes their unfinished files.</source>
        <translation>退出将取消它们并删除未完成的文件。</translation>
    </message>
    <message>
        <source>Cancel Exports and Quit</source>
        <translation>取消导出并退出</translation>
    </message>
    <message>
        <source>The project &quot;%1&quot; has unsaved changes.</source>
        <translation>项目“%1”有未保存的更改。</translation>
    </message>
    <message>
        <source>Do you want to save them?</source>
        <translation>是否保存？</translation>
    </message>
    <message>
        <source>&amp;Cache…</source>
        <translation>缓存(&amp;C)…</translation>
    </message>
    <message>
        <source>Opened the readable part of %1 (truncated file)</source>
        <translation>已打开 %1 的可读部分（截断的文件）</translation>
    </message>
    <message>
        <source>This video has no sound</source>
        <translation>此视频没有声音</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is truncated: the file ends before the film does.</source>
        <translation>“%1”已截断：文件在影片结束前就结束了。</translation>
    </message>
    <message>
        <source>Only the first %1 of its %2 frames can be read.</source>
        <translation>其 %2 帧中只有前 %1 帧可读。</translation>
    </message>
    <message>
        <source>Only its first %1 frames can be read.</source>
        <translation>只有前 %1 帧可读。</translation>
    </message>
    <message>
        <source>You can open and export that part; the rest of the film is not in the file. A complete copy of the video gives the whole film.</source>
        <translation>可以打开并导出这一部分；影片的其余部分不在文件中。完整的视频副本才包含整部影片。</translation>
    </message>
    <message>
        <source>Open the Readable Part</source>
        <translation>打开可读部分</translation>
    </message>
    <message numerus="yes">
        <source>&quot;%1&quot; has %n damaged frame(s); the first is frame %2.</source>
        <translation>
            <numerusform>“%1”有 %n 个损坏的帧；第一个是第 %2 帧。</numerusform>
        </translation>
    </message>
    <message>
        <source>The decoder hid the damage as well as it could, or repeated the frame before. Check those frames in the preview; the colours follow what the damaged pictures show.</source>
        <translation>解码器已尽可能掩盖损坏，或重复了前一帧。请在预览中检查这些帧；颜色取决于损坏画面所显示的内容。</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>调色</translation>
    </message>
    <message>
        <source>The chosen model could not be loaded. The previous model and its analysis are kept.</source>
        <translation>无法加载所选模型。保留之前的模型及其分析结果。</translation>
    </message>
    <message>
        <source>%1 (frame %2 of %3)</source>
        <translation>%1（第 %2 帧，共 %3 帧）</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Chromaflow %1&lt;/h3&gt;&lt;p&gt;Colourises black-and-white film: a colour network, temporal smoothing along the optical flow, failure inspection, per-shot grading.&lt;/p&gt;&lt;p&gt;Built with Qt %2, LibTorch, OpenCV and FFmpeg.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Chromaflow %1&lt;/h3&gt;&lt;p&gt;为黑白影片着色：着色网络、沿光流的时间平滑、问题帧检查、逐镜头调色。&lt;/p&gt;&lt;p&gt;基于 Qt %2、LibTorch、OpenCV 和 FFmpeg 构建。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Go to Timecode or Frame…</source>
        <translation>跳到时间码或帧…(&amp;G)</translation>
    </message>
    <message>
        <source>User &amp;Guide</source>
        <translation>用户指南(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <source>Go to…</source>
        <translation>跳到…</translation>
    </message>
    <message>
        <source>Go to a timecode (HH:MM:SS:FF) or a frame number, then press Enter (%1)</source>
        <translation>跳到时间码（HH:MM:SS:FF）或帧号，然后按回车（%1）</translation>
    </message>
    <message>
        <source>The user guide is not installed.</source>
        <translation>用户指南未安装。</translation>
    </message>
    <message>
        <source>No program to show the user guide was found.</source>
        <translation>未找到可显示用户指南的程序。</translation>
    </message>
    <message>
        <source>It is looked for in share/doc/chromaflow next to the program and in /usr/share/doc/chromaflow.</source>
        <translation>会在程序旁的 share/doc/chromaflow 和 /usr/share/doc/chromaflow 中查找。</translation>
    </message>
    <message>
        <source>Open %1 with a text editor or a Markdown viewer.</source>
        <translation>请用文本编辑器或 Markdown 查看器打开 %1。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a timecode (HH:MM:SS:FF) or a frame number of this video (0 to %2)</source>
        <translation>“%1”不是此视频的时间码（HH:MM:SS:FF）或帧号（0 到 %2）</translation>
    </message>
    <message numerus="yes">
        <source>The timestamps of &quot;%1&quot; jump back %n time(s), so the order of its frames cannot be told from them.</source>
        <translation>
            <numerusform>“%1”的时间戳回跳了 %n 次，无法据此判断其画面的顺序。</numerusform>
        </translation>
    </message>
    <message>
        <source>This happens to parts joined into one file, or to a recorder whose clock was reset. Chromaflow can give the frames fresh timestamps in the order they are stored, through a lossless copy in its cache folder, and open that. The original file is not changed; the copy has no sound.</source>
        <translation>这种情况出现在拼接成一个文件的多个片段中，或出现在时钟被重置的录像设备上。Chromaflow 可以按存储顺序为画面重新生成时间戳，通过缓存文件夹中的无损副本实现，然后打开该副本。原始文件不会被更改；副本没有声音。</translation>
    </message>
    <message>
        <source>Regenerate Timestamps</source>
        <translation>重新生成时间戳</translation>
    </message>
    <message>
        <source>Giving %1 fresh timestamps…</source>
        <translation>正在为 %1 重新生成时间戳…</translation>
    </message>
    <message>
        <source>fresh timestamps</source>
        <translation>重新生成时间戳</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Could not give the video fresh timestamps</source>
        <translation>无法为视频重新生成时间戳</translation>
    </message>
    <message>
        <source>Hint Tool</source>
        <translation>提示工具</translation>
    </message>
    <message>
        <source>Click the colourised picture to give a colour at that point (H)</source>
        <translation>单击上色后的画面，为该点指定颜色 (H)</translation>
    </message>
    <message>
        <source>Delete Hint</source>
        <translation>删除提示</translation>
    </message>
    <message>
        <source>Set Reference Image for This Frame…</source>
        <translation>为此帧设置参考图像…</translation>
    </message>
    <message>
        <source>Add Keyframe Here</source>
        <translation>在此添加关键帧</translation>
    </message>
    <message>
        <source>Frame %1: click the colourised picture to give a colour, or set a reference image (Edit menu, or drop an image on the preview)</source>
        <translation>第 %1 帧：单击上色后的画面以指定颜色，或设置参考图像（“编辑”菜单，或将图像拖放到预览上）</translation>
    </message>
    <message>
        <source>Reference Image for Frame %1</source>
        <translation>第 %1 帧的参考图像</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.webp)</source>
        <translation>图像 (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.webp)</translation>
    </message>
    <message>
        <source>This image cannot be the reference of frame %1</source>
        <translation>此图像不能作为第 %1 帧的参考</translation>
    </message>
    <message>
        <source>Reference image of frame %1: %2</source>
        <translation>第 %1 帧的参考图像：%2</translation>
    </message>
</context>
<context>
    <name>cf::ui::PreviewWidget</name>
    <message>
        <source>Smoothed (λ %1)</source>
        <translation>平滑后（λ %1）</translation>
    </message>
    <message>
        <source>Colourised (λ %1)</source>
        <translation>上色后（λ %1）</translation>
    </message>
    <message>
        <source>Raw network output</source>
        <translation>网络原始输出</translation>
    </message>
    <message>
        <source>Original (the source has no colours)</source>
        <translation>原始画面（源视频没有颜色）</translation>
    </message>
    <message>
        <source>Source colours (reference)</source>
        <translation>源颜色（参考）</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>原始画面</translation>
    </message>
    <message>
        <source>Not available yet</source>
        <translation>尚不可用</translation>
    </message>
    <message>
        <source>Open a video: File &gt; Open, or drop a file here</source>
        <translation>打开视频：文件 &gt; 打开视频，或将文件拖到此处</translation>
    </message>
    <message>
        <source>%1 · frame %2</source>
        <translation>%1 · 第 %2 帧</translation>
    </message>
    <message>
        <source>less sure</source>
        <translation>较不确定</translation>
    </message>
    <message>
        <source>more sure</source>
        <translation>较确定</translation>
    </message>
    <message>
        <source>%1 · keyframe colour being propagated…</source>
        <translation>%1 · 正在传播关键帧颜色…</translation>
    </message>
    <message>
        <source>%1 · keyframe colour</source>
        <translation>%1 · 关键帧颜色</translation>
    </message>
    <message>
        <source>%1 · keyframe colour not propagated</source>
        <translation>%1 · 关键帧颜色未传播</translation>
    </message>
</context>
<context>
    <name>cf::ui::Project</name>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>Change settings</source>
        <translation>更改设置</translation>
    </message>
    <message>
        <source>Set λ to %1</source>
        <translation>将 λ 设为 %1</translation>
    </message>
    <message>
        <source>Set λ %1 for the shot at frame %2</source>
        <translation>将第 %2 帧所在镜头的 λ 设为 %1</translation>
    </message>
    <message>
        <source>Set temperature %1 for the shot at frame %2</source>
        <translation>将第 %2 帧所在镜头的温度设为 %1</translation>
    </message>
    <message>
        <source>Clear the overrides of the shot at frame %1</source>
        <translation>清除第 %1 帧所在镜头的单独设置</translation>
    </message>
    <message>
        <source>Set in/out range</source>
        <translation>设置入点/出点</translation>
    </message>
    <message>
        <source>Change export settings</source>
        <translation>更改导出设置</translation>
    </message>
    <message>
        <source>Add a colour hint on frame %1</source>
        <translation>在第 %1 帧添加颜色提示</translation>
    </message>
    <message>
        <source>Remove a colour hint on frame %1</source>
        <translation>删除第 %1 帧的颜色提示</translation>
    </message>
    <message>
        <source>Change a colour hint on frame %1</source>
        <translation>修改第 %1 帧的颜色提示</translation>
    </message>
    <message>
        <source>Remove the reference image of frame %1</source>
        <translation>删除第 %1 帧的参考图像</translation>
    </message>
    <message>
        <source>Set the reference image of frame %1</source>
        <translation>设置第 %1 帧的参考图像</translation>
    </message>
    <message>
        <source>Move the keyframe %1 to frame %2</source>
        <translation>将关键帧 %1 移到第 %2 帧</translation>
    </message>
    <message>
        <source>Remove the keyframe %1</source>
        <translation>删除关键帧 %1</translation>
    </message>
    <message>
        <source>Set the reference strength to %1</source>
        <translation>将参考强度设为 %1</translation>
    </message>
    <message>
        <source>Clear the mark of failure %1</source>
        <translation>清除失败 %1 的标记</translation>
    </message>
    <message>
        <source>Ignore failure %1</source>
        <translation>忽略失败 %1</translation>
    </message>
    <message>
        <source>Mark failure %1 reviewed</source>
        <translation>将失败 %1 标记为已检查</translation>
    </message>
    <message>
        <source>Grade the shot at frame %1</source>
        <translation>为第 %1 帧的镜头调色</translation>
    </message>
</context>
<context>
    <name>cf::ui::ProjectFile</name>
    <message>
        <source>cannot read project %1: %2 at offset %3; check the file is a Chromaflow project</source>
        <translation>无法读取项目 %1：%2（偏移 %3）；请确认该文件是 Chromaflow 项目</translation>
    </message>
    <message>
        <source>cannot read project %1: not a Chromaflow project file</source>
        <translation>无法读取项目 %1：不是 Chromaflow 项目文件</translation>
    </message>
    <message>
        <source>cannot save project %1: %2; choose a writable folder</source>
        <translation>无法保存项目 %1：%2；请选择可写入的文件夹</translation>
    </message>
    <message>
        <source>cannot save project %1: %2; check the free disk space</source>
        <translation>无法保存项目 %1：%2；请检查可用磁盘空间</translation>
    </message>
    <message>
        <source>cannot open project %1: %2</source>
        <translation>无法打开项目 %1：%2</translation>
    </message>
    <message>
        <source>cannot open project %1: it is not a regular file (a folder, named pipe or device)</source>
        <translation>无法打开项目 %1：它不是普通文件（而是文件夹、命名管道或设备）</translation>
    </message>
    <message>
        <source>cannot read project %1: the grade of the shot at frame %2: %3</source>
        <translation>无法读取项目 %1：第 %2 帧镜头的调色：%3</translation>
    </message>
    <message>
        <source>cannot open project %1: it was saved by a newer Chromaflow (project format version %2; this version reads up to %3), and opening it here would lose what that version added. Update Chromaflow to open it</source>
        <translation>无法打开项目 %1：它由更新版本的 Chromaflow 保存（项目格式版本 %2；此版本最高可读取 %3），在此打开会丢失该版本新增的内容。请更新 Chromaflow 后再打开</translation>
    </message>
    <message>
        <source>cannot read project %1: format version %2 is not supported; check the file is a Chromaflow project</source>
        <translation>无法读取项目 %1：不支持格式版本 %2；请检查该文件是否为 Chromaflow 项目</translation>
    </message>
</context>
<context>
    <name>cf::ui::ReferencePicker</name>
    <message>
        <source>Pick a colour from the reference image</source>
        <translation>从参考图像中拾取颜色</translation>
    </message>
    <message>
        <source>The reference image %1 could not be read.</source>
        <translation>无法读取参考图像 %1。</translation>
    </message>
    <message>
        <source>Click the colour to use.</source>
        <translation>单击要使用的颜色。</translation>
    </message>
</context>
<context>
    <name>cf::ui::SettingsPanel</name>
    <message>
        <source>Outlier z-score (0 = off)</source>
        <translation>离群值 z 分数（0 = 关闭）</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Shipped default model</source>
        <translation>内置默认模型</translation>
    </message>
    <message>
        <source>Model default</source>
        <translation>模型默认值</translation>
    </message>
    <message>
        <source>Annealed-mean temperature of classification heads: lower gives bolder colours, higher gives safer, duller ones</source>
        <translation>分类头退火均值的温度：越低颜色越鲜明，越高颜色越稳妥、越暗淡</translation>
    </message>
    <message>
        <source>Height the network works at; the colours are upsampled to the full frame</source>
        <translation>网络处理时使用的高度；颜色随后会上采样到完整画面</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>当前使用</translation>
    </message>
    <message>
        <source>(not known until a video is open)</source>
        <translation>（打开视频后才能确定）</translation>
    </message>
    <message>
        <source>Temporal smoothing</source>
        <translation>时间平滑</translation>
    </message>
    <message>
        <source>Smoothing strength λ: 0 is off; higher values remove more flicker but can smear colours across motion</source>
        <translation>平滑强度 λ：0 为关闭；数值越高去除的闪烁越多，但运动时颜色可能拖影</translation>
    </message>
    <message>
        <source>DIS (fast)</source>
        <translation>DIS（快速）</translation>
    </message>
    <message>
        <source>TV-L1 (accurate, slow)</source>
        <translation>TV-L1（精确、较慢）</translation>
    </message>
    <message>
        <source>Optical flow</source>
        <translation>光流</translation>
    </message>
    <message>
        <source>Failure thresholds</source>
        <translation>问题检测阈值</translation>
    </message>
    <message>
        <source>Current shot</source>
        <translation>当前镜头</translation>
    </message>
    <message>
        <source>Use this λ for the shot</source>
        <translation>此镜头使用该 λ</translation>
    </message>
    <message>
        <source>Use this temperature</source>
        <translation>使用该温度</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>No video open</source>
        <translation>未打开视频</translation>
    </message>
    <message>
        <source>Frames %1-%2</source>
        <translation>第 %1-%2 帧</translation>
    </message>
    <message>
        <source>λ %1 (override)</source>
        <translation>λ %1（单独设置）</translation>
    </message>
    <message>
        <source>Temperature %1 (override)</source>
        <translation>温度 %1（单独设置）</translation>
    </message>
    <message>
        <source>Uses the global settings</source>
        <translation>使用全局设置</translation>
    </message>
    <message>
        <source>Choose a model</source>
        <translation>选择模型</translation>
    </message>
    <message>
        <source>Chromaflow or TorchScript models (*.cfmodel *.pt *.ts);;All files (*)</source>
        <translation>Chromaflow 或 TorchScript 模型 (*.cfmodel *.pt *.ts);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Sepia (share of chroma, 0-1)</source>
        <translation>棕褐色（色度占比，0-1）</translation>
    </message>
    <message>
        <source>Flag a frame as sepia when more than this share of its colour lies in the orange-brown hue band</source>
        <translation>当帧中超过此比例的颜色落在橙褐色相带内时，标记为棕褐色</translation>
    </message>
    <message>
        <source>Minimum colourfulness (0-100)</source>
        <translation>最低色彩度（0-100）</translation>
    </message>
    <message>
        <source>Flag a frame as washed out when its colourfulness (Hasler-Süsstrunk) is below this value</source>
        <translation>当帧的色彩度（Hasler-Süsstrunk）低于此值时，标记为褪色</translation>
    </message>
    <message>
        <source>Low-confidence area (share, 0-1)</source>
        <translation>低置信度面积（占比，0-1）</translation>
    </message>
    <message>
        <source>Flag a frame when more than this share of it has a model confidence below 0.2</source>
        <translation>当帧中超过此比例的区域模型置信度低于 0.2 时进行标记</translation>
    </message>
    <message>
        <source>Flicker (× shot median)</source>
        <translation>闪烁（× 镜头中位数）</translation>
    </message>
    <message>
        <source>Flag a frame when its colour flicker is this many times the median flicker of its shot</source>
        <translation>当帧的颜色闪烁达到其镜头中位数的这么多倍时进行标记</translation>
    </message>
    <message>
        <source>Motion (share of width, 0-1)</source>
        <translation>运动（宽度占比，0-1）</translation>
    </message>
    <message>
        <source>Flag heavy motion when the mean movement between frames exceeds this share of the frame width</source>
        <translation>当帧间平均运动超过画面宽度的此比例时，标记为剧烈运动</translation>
    </message>
    <message>
        <source>Occluded area (share, 0-1)</source>
        <translation>遮挡面积（占比，0-1）</translation>
    </message>
    <message>
        <source>Flag heavy motion when this share of the frame is hidden or revealed between frames (an outlier in its shot)</source>
        <translation>当帧间有此比例的画面被遮挡或显露（在其镜头中属异常值）时，标记为剧烈运动</translation>
    </message>
    <message>
        <source>Also flag a frame whose measures stand out from the rest of its shot by more than this robust z-score; 0 turns it off</source>
        <translation>若帧的测量值与其镜头其余部分的偏差超过此稳健 z 分数，也进行标记；0 表示关闭</translation>
    </message>
    <message>
        <source>The colourisation model: the shipped one, one installed in a models folder, or any model file</source>
        <translation>着色模型：随附模型、模型文件夹中安装的模型，或任意模型文件</translation>
    </message>
    <message>
        <source>Temperature (0-2)</source>
        <translation>温度（0-2）</translation>
    </message>
    <message>
        <source>Working height (px)</source>
        <translation>工作高度（像素）</translation>
    </message>
    <message>
        <source>Where the network runs: Automatic uses a CUDA GPU when there is one</source>
        <translation>网络在何处运行：自动模式在有 CUDA GPU 时使用它</translation>
    </message>
    <message>
        <source>The device the network actually runs on</source>
        <translation>网络实际运行的设备</translation>
    </message>
    <message>
        <source>Smoothing λ</source>
        <translation>平滑 λ</translation>
    </message>
    <message>
        <source>How motion between frames is measured for the smoothing: DIS is fast, TV-L1 is the most accurate</source>
        <translation>平滑时如何测量帧间运动：DIS 快速，TV-L1 最准确</translation>
    </message>
    <message>
        <source>Smooth the shot under the playhead with the λ above</source>
        <translation>用上方的 λ 平滑播放头所在的镜头</translation>
    </message>
    <message>
        <source>Colour the shot under the playhead at the temperature above</source>
        <translation>用上方的温度为播放头所在的镜头着色</translation>
    </message>
    <message>
        <source>The shot under the playhead goes back to the global settings</source>
        <translation>播放头所在的镜头恢复使用全局设置</translation>
    </message>
    <message>
        <source>Other file…</source>
        <translation>其他文件…</translation>
    </message>
    <message>
        <source>Choose a .cfmodel or TorchScript file anywhere</source>
        <translation>从任意位置选择 .cfmodel 或 TorchScript 文件</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a model Chromaflow can use. The current model stays in use.</source>
        <translation>“%1”不是 Chromaflow 可用的模型。继续使用当前模型。</translation>
    </message>
    <message>
        <source>Choose a Chromaflow model (.cfmodel) or a TorchScript model (.pt, .ts).</source>
        <translation>请选择 Chromaflow 模型（.cfmodel）或 TorchScript 模型（.pt、.ts）。</translation>
    </message>
</context>
<context>
    <name>cf::ui::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>快捷键</translation>
    </message>
</context>
<context>
    <name>cf::ui::SuggestedColours</name>
    <message>
        <source>Colour of the hint</source>
        <translation>提示的颜色</translation>
    </message>
    <message>
        <source>Colour of this point</source>
        <translation>此点的颜色</translation>
    </message>
    <message>
        <source>Other colour…</source>
        <translation>其他颜色…</translation>
    </message>
    <message>
        <source>Pick from the reference image…</source>
        <translation>从参考图像中拾取…</translation>
    </message>
    <message>
        <source>Asking the model for its likely colours…</source>
        <translation>正在向模型询问可能的颜色…</translation>
    </message>
    <message>
        <source>%1 (%2 % likely)</source>
        <translation>%1（可能性 %2 %）</translation>
    </message>
    <message>
        <source>The model&apos;s most likely colours here, most likely first</source>
        <translation>模型在此处最可能的颜色，最可能的在前</translation>
    </message>
</context>
<context>
    <name>cf::ui::TimelineWidget</name>
    <message>
        <source>Open a video to see its timeline</source>
        <translation>打开视频以查看其时间线</translation>
    </message>
    <message>
        <source>Colourfulness</source>
        <translation>色彩丰富度</translation>
    </message>
    <message>
        <source>Flicker</source>
        <translation>闪烁</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>置信度</translation>
    </message>
    <message>
        <source>%1, frames %2-%3: %4</source>
        <translation>%1，第 %2-%3 帧：%4</translation>
    </message>
    <message>
        <source>Frame %1 (%2)</source>
        <translation>第 %1 帧（%2）</translation>
    </message>
    <message>
        <source>Colourfulness %1, flicker %2, confidence %3</source>
        <translation>色彩丰富度 %1，闪烁 %2，置信度 %3</translation>
    </message>
    <message>
        <source>Sepia</source>
        <translation>棕褐色调</translation>
    </message>
    <message>
        <source>Low confidence</source>
        <translation>置信度低</translation>
    </message>
    <message>
        <source>Heavy motion</source>
        <translation>剧烈运动</translation>
    </message>
    <message>
        <source>Desaturated (colour averaging)</source>
        <translation>饱和度过低（颜色平均化）</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Colourise black-and-white video.</source>
        <translation>为黑白视频上色。</translation>
    </message>
    <message>
        <source>Video or project to open.</source>
        <translation>要打开的视频或项目。</translation>
    </message>
    <message>
        <source>Open the file, wait for its first preview, save a screenshot of the window to &lt;png&gt; and quit (for documentation, e.g. under Xvfb).</source>
        <translation>打开文件，等待首个预览，将窗口截图保存到 &lt;png&gt; 后退出（用于文档，例如在 Xvfb 下）。</translation>
    </message>
    <message>
        <source>Interface language for this run: en, de, fr, es or zh_CN (default: the View &gt; Language setting, else the system locale).</source>
        <translation>本次运行的界面语言：en、de、fr、es 或 zh_CN（默认：视图 &gt; 语言中的设置，否则跟随系统语言）。</translation>
    </message>
    <message>
        <source>unknown language &apos;%1&apos;; use one of: %2</source>
        <translation>未知语言“%1”；请使用以下之一：%2</translation>
    </message>
    <message>
        <source>With --screenshot: seconds to wait after the first preview (default 3; longer lets keyframe colour propagate).</source>
        <translation>与 --screenshot 一起使用：第一次预览后等待的秒数（默认 3；更长可让关键帧颜色完成传播）。</translation>
    </message>
    <message>
        <source>Open the video at this frame (0-based) instead of the first.</source>
        <translation>在此帧（从 0 开始计数）而不是第一帧打开视频。</translation>
    </message>
    <message>
        <source>--frame needs a frame number (0 or more), not &apos;%1&apos;</source>
        <translation>--frame 需要一个帧号（0 或更大），而不是 &apos;%1&apos;</translation>
    </message>
</context>
</TS>
