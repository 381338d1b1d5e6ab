<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>cf::ui::AudioControls</name>
    <message>
        <source>Mute</source>
        <translation>Silenciar</translation>
    </message>
    <message>
        <source>Mute the preview&apos;s sound (playback keeps its timing)</source>
        <translation>Silenciar el sonido de la vista previa (la reproducción mantiene su ritmo)</translation>
    </message>
    <message>
        <source>No sound</source>
        <translation>Sin sonido</translation>
    </message>
    <message>
        <source>Volume of the preview&apos;s sound, in per cent</source>
        <translation>Volumen del sonido de la vista previa, en porcentaje</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Volumen</translation>
    </message>
</context>
<context>
    <name>cf::ui::AudioPlayback</name>
    <message>
        <source>No sound output device; the video plays without sound.</source>
        <translation>No hay dispositivo de salida de sonido; el vídeo se reproduce sin sonido.</translation>
    </message>
    <message>
        <source>The sound output could not start; the video plays without sound.</source>
        <translation>La salida de sonido no pudo iniciarse; el vídeo se reproduce sin sonido.</translation>
    </message>
</context>
<context>
    <name>cf::ui::CacheDialog</name>
    <message>
        <source>Cache</source>
        <translation>Caché</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Vaciar</translation>
    </message>
    <message>
        <source>Delete the cached network output and optical flows of this video; they are computed again when needed</source>
        <translation>Borrar la salida de la red y los flujos ópticos en caché de este vídeo; se vuelven a calcular cuando hagan falta</translation>
    </message>
    <message>
        <source>Clear all</source>
        <translation>Vaciar todo</translation>
    </message>
    <message>
        <source>Delete the cache of every video</source>
        <translation>Borrar la caché de todos los vídeos</translation>
    </message>
    <message>
        <source>This video:</source>
        <translation>Este vídeo:</translation>
    </message>
    <message>
        <source>All videos:</source>
        <translation>Todos los vídeos:</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Sin límite</translation>
    </message>
    <message>
        <source>Beyond this size the least recently used videos&apos; caches are deleted</source>
        <translation>Por encima de este tamaño se borran las cachés de los vídeos usados hace más tiempo</translation>
    </message>
    <message>
        <source>Size limit:</source>
        <translation>Límite de tamaño:</translation>
    </message>
    <message>
        <source>Move…</source>
        <translation>Mover…</translation>
    </message>
    <message>
        <source>Move the cache, with everything in it, to another folder</source>
        <translation>Mover la caché, con todo su contenido, a otra carpeta</translation>
    </message>
    <message>
        <source>Cache folder:</source>
        <translation>Carpeta de la caché:</translation>
    </message>
    <message>
        <source>no video open</source>
        <translation>ningún vídeo abierto</translation>
    </message>
    <message numerus="yes">
        <source>%1 in %n folder(s)</source>
        <translation>
            <numerusform>%1 en %n carpeta</numerusform>
            <numerusform>%1 en %n carpetas</numerusform>
        </translation>
    </message>
    <message>
        <source>The cache of this video was cleared.</source>
        <translation>Se vació la caché de este vídeo.</translation>
    </message>
    <message>
        <source>The cache was cleared.</source>
        <translation>Se vació la caché.</translation>
    </message>
    <message>
        <source>%1 of least recently used caches deleted.</source>
        <translation>Se borraron %1 de las cachés usadas hace más tiempo.</translation>
    </message>
    <message>
        <source>The cache was moved to %1.</source>
        <translation>La caché se movió a %1.</translation>
    </message>
    <message>
        <source>Move the cache to</source>
        <translation>Mover la caché a</translation>
    </message>
</context>
<context>
    <name>cf::ui::CoreText</name>
    <message>
        <source>sepia: %1 % of chroma in the %2-%3 degree hue band</source>
        <translation>sepia: %1 % de la crominancia en la banda de tono de %2-%3 grados</translation>
    </message>
    <message>
        <source>desaturated: colourfulness %1 is below %2 (colour averaging)</source>
        <translation>desaturado: el colorido %1 está por debajo de %2 (promediado de colores)</translation>
    </message>
    <message>
        <source>desaturated: colourfulness %1, far below the shot&apos;s median %2</source>
        <translation>desaturado: colorido %1, muy por debajo de la mediana del plano (%2)</translation>
    </message>
    <message>
        <source>low confidence on %1 % of the frame</source>
        <translation>confianza baja en el %1 % del fotograma</translation>
    </message>
    <message>
        <source>confidence %1, far below the shot&apos;s median %2</source>
        <translation>confianza %1, muy por debajo de la mediana del plano (%2)</translation>
    </message>
    <message>
        <source>flicker: the colour jumps by %1 ab units between frames</source>
        <translation>parpadeo: el color salta %1 unidades ab entre fotogramas</translation>
    </message>
    <message>
        <source>flicker %1 times the shot&apos;s median</source>
        <translation>parpadeo: %1 veces la mediana del plano</translation>
    </message>
    <message>
        <source>heavy motion or an undetected cut: %1 % occluded</source>
        <translation>movimiento intenso o corte no detectado: %1 % ocluido</translation>
    </message>
    <message>
        <source>heavy motion: %1 % occluded</source>
        <translation>movimiento intenso: %1 % ocluido</translation>
    </message>
    <message>
        <source>heavy motion: %1 % of the frame width per frame</source>
        <translation>movimiento intenso: %1 % del ancho del fotograma por fotograma</translation>
    </message>
    <message numerus="yes">
        <source>CPU (%n thread(s))</source>
        <translation>
            <numerusform>CPU (%n hilo)</numerusform>
            <numerusform>CPU (%n hilos)</numerusform>
        </translation>
    </message>
    <message>
        <source>CUDA GPU (half precision)</source>
        <translation>GPU CUDA (media precisión)</translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>Exportando</translation>
    </message>
    <message>
        <source>Scanning for cuts</source>
        <translation>Buscando cortes</translation>
    </message>
    <message>
        <source>Analysing</source>
        <translation>Analizando</translation>
    </message>
</context>
<context>
    <name>cf::ui::ExportDialog</name>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <source>Export colourised video</source>
        <translation>Exportar el vídeo coloreado</translation>
    </message>
    <message>
        <source>MKV / FFV1 (lossless)</source>
        <translation>MKV / FFV1 (sin pérdidas)</translation>
    </message>
    <message>
        <source>Image sequence / %1</source>
        <translation>Secuencia de imágenes / %1</translation>
    </message>
    <message>
        <source>As the source</source>
        <translation>Como la fuente</translation>
    </message>
    <message>
        <source>Bit depth</source>
        <translation>Profundidad de bits</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Formato</translation>
    </message>
    <message>
        <source>Constant rate factor: lower is better and larger; 18 looks lossless</source>
        <translation>Factor de tasa constante: más bajo da mejor calidad y archivos más grandes; 18 parece sin pérdidas</translation>
    </message>
    <message>
        <source>Whole video</source>
        <translation>Vídeo completo</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>Intervalo</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>Audio</translation>
    </message>
    <message>
        <source>Choose where to save</source>
        <translation>Elegir dónde guardar</translation>
    </message>
    <message>
        <source>Output file</source>
        <translation>Archivo de salida</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>Cancel export</source>
        <translation>Cancelar la exportación</translation>
    </message>
    <message>
        <source>In/out range (frames %1-%2)</source>
        <translation>Intervalo de entrada/salida (fotogramas %1-%2)</translation>
    </message>
    <message>
        <source>In/out range (set with I and O)</source>
        <translation>Intervalo de entrada/salida (se marca con I y O)</translation>
    </message>
    <message>
        <source>Keep the original sound</source>
        <translation>Conservar el sonido original</translation>
    </message>
    <message>
        <source>Keep the original sound (the source has none)</source>
        <translation>Conservar el sonido original (el origen no tiene)</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Exportar a</translation>
    </message>
    <message>
        <source>Video files (*.mp4 *.mkv *.mov)</source>
        <translation>Archivos de vídeo (*.mp4 *.mkv *.mov)</translation>
    </message>
    <message>
        <source>Choose an output file first.</source>
        <translation>Elija primero un archivo de salida.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exportando…</translation>
    </message>
    <message>
        <source>Frame %1 of %2, ETA %3</source>
        <translation>Fotograma %1 de %2, tiempo restante %3</translation>
    </message>
    <message>
        <source>Frame %1 of %2</source>
        <translation>Fotograma %1 de %2</translation>
    </message>
    <message>
        <source>Container and video codec of the exported file; FFV1 is lossless and large, ProRes suits editing software</source>
        <translation>Contenedor y códec de vídeo del archivo exportado; FFV1 es sin pérdidas y grande, ProRes es adecuado para programas de edición</translation>
    </message>
    <message>
        <source>Quality (CRF, 0-51)</source>
        <translation>Calidad (CRF, 0-51)</translation>
    </message>
    <message>
        <source>Export every frame of the video</source>
        <translation>Exportar todos los fotogramas del vídeo</translation>
    </message>
    <message>
        <source>Export only the frames between the in and out points</source>
        <translation>Exportar solo los fotogramas entre el punto de entrada y el de salida</translation>
    </message>
    <message>
        <source>Copy the source&apos;s sound into the export, unchanged</source>
        <translation>Copiar el sonido de la fuente en la exportación, sin cambios</translation>
    </message>
    <message>
        <source>The file the colourised video is written to (it appears only once the export has finished)</source>
        <translation>El archivo en el que se escribe el vídeo coloreado (aparece solo cuando la exportación ha terminado)</translation>
    </message>
    <message>
        <source>Bits per colour channel of the output; &quot;As the source&quot; keeps the source&apos;s depth (10 bits or more suit archive masters)</source>
        <translation>Bits por canal de color de la salida; «Como la fuente» mantiene la profundidad de la fuente (10 bits o más son adecuados para másteres de archivo)</translation>
    </message>
</context>
<context>
    <name>cf::ui::FailuresPanel</name>
    <message>
        <source>Frames</source>
        <translation>Fotogramas</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>No failures flagged so far</source>
        <translation>Ningún fallo marcado por ahora</translation>
    </message>
    <message numerus="yes">
        <source>%n flagged range(s)</source>
        <translation>
            <numerusform>%n intervalo marcado</numerusform>
            <numerusform>%n intervalos marcados</numerusform>
        </translation>
    </message>
    <message>
        <source>Ignored</source>
        <translation>Ignorado</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>Revisado</translation>
    </message>
    <message>
        <source>All kinds (%1)</source>
        <translation>Todos los tipos (%1)</translation>
    </message>
    <message>
        <source>%1 marked</source>
        <translation>%1 marcados</translation>
    </message>
    <message>
        <source>Mark</source>
        <translation>Marca</translation>
    </message>
    <message>
        <source>By time</source>
        <translation>Por tiempo</translation>
    </message>
    <message>
        <source>By severity</source>
        <translation>Por gravedad</translation>
    </message>
    <message>
        <source>Order of the list: by first frame, or the worst failures first</source>
        <translation>Orden de la lista: por primer fotograma, o los peores fallos primero</translation>
    </message>
    <message>
        <source>Show only the failures of one kind</source>
        <translation>Mostrar solo los fallos de un tipo</translation>
    </message>
    <message>
        <source>Hide ignored</source>
        <translation>Ocultar ignorados</translation>
    </message>
    <message>
        <source>Mark reviewed</source>
        <translation>Marcar revisado</translation>
    </message>
    <message>
        <source>Mark the selected failures as looked at</source>
        <translation>Marcar los fallos elegidos como vistos</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Ignorar</translation>
    </message>
    <message>
        <source>Mark the selected failures as acceptable (saved in the project)</source>
        <translation>Marcar los fallos elegidos como aceptables (se guarda en el proyecto)</translation>
    </message>
    <message>
        <source>Clear mark</source>
        <translation>Quitar la marca</translation>
    </message>
    <message>
        <source>Add Keyframe Here</source>
        <translation>Añadir fotograma clave aquí</translation>
    </message>
</context>
<context>
    <name>cf::ui::GradePanel</name>
    <message>
        <source>Saturation (%)</source>
        <translation>Saturación (%)</translation>
    </message>
    <message>
        <source>How colourful the shot is: 0 % is grey, 100 % unchanged, 300 % three times as strong</source>
        <translation>Cuánto color tiene el plano: 0 % es gris, 100 % sin cambios, 300 % tres veces más intenso</translation>
    </message>
    <message>
        <source>Temperature (b*)</source>
        <translation>Temperatura (b*)</translation>
    </message>
    <message>
        <source>White balance: to the right warmer (yellow), to the left cooler (blue), in Lab b* units</source>
        <translation>Balance de blancos: a la derecha más cálido (amarillo), a la izquierda más frío (azul), en unidades Lab b*</translation>
    </message>
    <message>
        <source>Tint (a*)</source>
        <translation>Tinte (a*)</translation>
    </message>
    <message>
        <source>White balance: to the right magenta, to the left green, in Lab a* units</source>
        <translation>Balance de blancos: a la derecha magenta, a la izquierda verde, en unidades Lab a*</translation>
    </message>
    <message>
        <source>Hue remap</source>
        <translation>Reasignar tono</translation>
    </message>
    <message>
        <source>Move one range of hues to another hue, e.g. make these reds blue</source>
        <translation>Mover un rango de tonos a otro tono, p. ej. volver azules estos rojos</translation>
    </message>
    <message>
        <source>From hue (°)</source>
        <translation>Desde el tono (°)</translation>
    </message>
    <message>
        <source>Start of the hue range to move (Lab hue angle: red about 40°, yellow 90°, green 135°, blue 280°)</source>
        <translation>Inicio del rango de tonos que se mueve (ángulo de tono Lab: rojo unos 40°, amarillo 90°, verde 135°, azul 280°)</translation>
    </message>
    <message>
        <source>To hue (°)</source>
        <translation>Hasta el tono (°)</translation>
    </message>
    <message>
        <source>End of the hue range to move</source>
        <translation>Final del rango de tonos que se mueve</translation>
    </message>
    <message>
        <source>Target hue (°)</source>
        <translation>Tono de destino (°)</translation>
    </message>
    <message>
        <source>The hue the middle of the range moves to</source>
        <translation>El tono al que se mueve el centro del rango</translation>
    </message>
    <message>
        <source>Softness (°)</source>
        <translation>Suavidad (°)</translation>
    </message>
    <message>
        <source>Hues this close outside the range move part of the way, so edges do not band</source>
        <translation>Los tonos así de cerca fuera del rango se mueven en parte, para que los bordes no formen bandas</translation>
    </message>
    <message>
        <source>Reset the shot&apos;s grade</source>
        <translation>Restablecer la corrección de color del plano</translation>
    </message>
    <message>
        <source>Back to the colours the model gave the shot</source>
        <translation>Volver a los colores que el modelo dio al plano</translation>
    </message>
    <message>
        <source>Grade of the shot at frames %1-%2</source>
        <translation>Corrección de color del plano de los fotogramas %1-%2</translation>
    </message>
    <message>
        <source>No video open</source>
        <translation>Ningún vídeo abierto</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
</context>
<context>
    <name>cf::ui::GuideProgress</name>
    <message>
        <source>Keyframe colour: propagating through the shot</source>
        <translation>Color de fotogramas clave: propagándose por el plano</translation>
    </message>
    <message>
        <source>Keyframe colour of frames %1 to %2 is ready</source>
        <translation>El color de fotogramas clave de los fotogramas %1 a %2 está listo</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>ETA %1</source>
        <translation>Tiempo restante %1</translation>
    </message>
    <message>
        <source>Keyframe colour stopped: the shot previews without it until a keyframe or hint changes</source>
        <translation>Color de fotogramas clave detenido: el plano se previsualiza sin él hasta que cambie un fotograma clave o una pista</translation>
    </message>
    <message>
        <source>Stopped at %p%</source>
        <translation>Detenido en %p%</translation>
    </message>
    <message>
        <source>It reaches less than half of frames %1 to %2 (at frame %3 only %4 % of the picture), where the network guesses the colour: a reference or hints there would help.</source>
        <translation>Llega a menos de la mitad de los fotogramas %1 a %2 (en el fotograma %3 solo al %4 % de la imagen), donde la red adivina el color: una referencia o pistas allí ayudarían.</translation>
    </message>
    <message>
        <source>Go to Frame %1</source>
        <translation>Ir al fotograma %1</translation>
    </message>
</context>
<context>
    <name>cf::ui::JobPanel</name>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>En espera</translation>
    </message>
    <message>
        <source>ETA %1</source>
        <translation>Tiempo restante %1</translation>
    </message>
    <message>
        <source>Exports</source>
        <translation>Exportaciones</translation>
    </message>
    <message>
        <source>Open Folder</source>
        <translation>Abrir carpeta</translation>
    </message>
    <message>
        <source>Export to %1</source>
        <translation>Exportación a %1</translation>
    </message>
    <message>
        <source>Waiting for the exports before it</source>
        <translation>Esperando a las exportaciones anteriores</translation>
    </message>
    <message>
        <source>Cancelled at %p%</source>
        <translation>Cancelado al %p%</translation>
    </message>
    <message>
        <source>Failed at %p%</source>
        <translation>Falló al %p%</translation>
    </message>
    <message>
        <source>Analysis: no video open</source>
        <translation>Análisis: ningún vídeo abierto</translation>
    </message>
    <message numerus="yes">
        <source>Analysis complete: %n frame(s)</source>
        <translation>
            <numerusform>Análisis completo: %n fotograma</numerusform>
            <numerusform>Análisis completo: %n fotogramas</numerusform>
        </translation>
    </message>
    <message>
        <source>Analysing in the background, ETA %1</source>
        <translation>Analizando en segundo plano, quedan %1</translation>
    </message>
    <message>
        <source>Analysing in the background</source>
        <translation>Analizando en segundo plano</translation>
    </message>
</context>
<context>
    <name>cf::ui::JobQueue</name>
    <message>
        <source>Exported %1</source>
        <translation>%1 exportado</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>Exportación cancelada; no se ha escrito ningún archivo.</translation>
    </message>
</context>
<context>
    <name>cf::ui::KeyframeLane</name>
    <message>
        <source>Keyframe at frame %1: drag to move it, right-click for more</source>
        <translation>Fotograma clave en el fotograma %1: arrástrelo para moverlo, clic derecho para más</translation>
    </message>
    <message>
        <source>Keyframes: frames with a reference image or colour hints</source>
        <translation>Fotogramas clave: fotogramas con imagen de referencia o pistas de color</translation>
    </message>
    <message>
        <source>Go to Keyframe %1</source>
        <translation>Ir al fotograma clave %1</translation>
    </message>
    <message>
        <source>Remove Keyframe %1</source>
        <translation>Quitar el fotograma clave %1</translation>
    </message>
    <message>
        <source>Set Reference Image for Frame %1…</source>
        <translation>Establecer imagen de referencia del fotograma %1…</translation>
    </message>
</context>
<context>
    <name>cf::ui::MainWindow</name>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>Failures</source>
        <translation>Fallos</translation>
    </message>
    <message>
        <source>Could not open the video</source>
        <translation>No se pudo abrir el vídeo</translation>
    </message>
    <message>
        <source>Analysed</source>
        <translation>Analizado</translation>
    </message>
    <message>
        <source>Exporting: frame %1 of %2 %3</source>
        <translation>Exportando: fotograma %1 de %2 %3</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 abierto</translation>
    </message>
    <message>
        <source>No video</source>
        <translation>Ningún vídeo</translation>
    </message>
    <message>
        <source>About Chromaflow</source>
        <translation>Acerca de Chromaflow</translation>
    </message>
    <message>
        <source>&amp;Open Video…</source>
        <translation>&amp;Abrir vídeo…</translation>
    </message>
    <message>
        <source>Open &amp;Project…</source>
        <translation>Abrir &amp;proyecto…</translation>
    </message>
    <message>
        <source>&amp;Save Project</source>
        <translation>&amp;Guardar proyecto</translation>
    </message>
    <message>
        <source>Save Project &amp;As…</source>
        <translation>Guardar proyecto &amp;como…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportar…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Play / Pause</source>
        <translation>&amp;Reproducir / Pausa</translation>
    </message>
    <message>
        <source>Play &amp;Backwards (J)</source>
        <translation>Reproducir hacia &amp;atrás (J)</translation>
    </message>
    <message>
        <source>Pa&amp;use (K)</source>
        <translation>Pa&amp;usa (K)</translation>
    </message>
    <message>
        <source>Play &amp;Forwards (L)</source>
        <translation>Reproducir hacia a&amp;delante (L)</translation>
    </message>
    <message>
        <source>Previous Frame</source>
        <translation>Fotograma anterior</translation>
    </message>
    <message>
        <source>Next Frame</source>
        <translation>Fotograma siguiente</translation>
    </message>
    <message>
        <source>Go to Start</source>
        <translation>Ir al inicio</translation>
    </message>
    <message>
        <source>Go to End</source>
        <translation>Ir al final</translation>
    </message>
    <message>
        <source>Set &amp;In Point</source>
        <translation>Marcar punto de &amp;entrada</translation>
    </message>
    <message>
        <source>Set &amp;Out Point</source>
        <translation>Marcar punto de &amp;salida</translation>
    </message>
    <message>
        <source>Clear In/Out</source>
        <translation>Borrar entrada y salida</translation>
    </message>
    <message>
        <source>Previous Failure</source>
        <translation>Fallo anterior</translation>
    </message>
    <message>
        <source>Side by Side</source>
        <translation>Lado a lado</translation>
    </message>
    <message>
        <source>Split Wipe</source>
        <translation>Cortinilla dividida</translation>
    </message>
    <message>
        <source>Single View</source>
        <translation>Vista única</translation>
    </message>
    <message>
        <source>Toggle Single Side</source>
        <translation>Alternar el lado mostrado</translation>
    </message>
    <message>
        <source>Original | Colourised</source>
        <translation>Original | Coloreado</translation>
    </message>
    <message>
        <source>Raw Network | Smoothed</source>
        <translation>Red sin procesar | Suavizado</translation>
    </message>
    <message>
        <source>Source Colours | Colourised</source>
        <translation>Colores de origen | Coloreado</translation>
    </message>
    <message>
        <source>Confidence &amp;Overlay</source>
        <translation>Superposición de &amp;confianza</translation>
    </message>
    <message>
        <source>Zoom to &amp;Fit</source>
        <translation>&amp;Ajustar a la ventana</translation>
    </message>
    <message>
        <source>Zoom &amp;1:1</source>
        <translation>Tamaño real (&amp;1:1)</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Ace&amp;rcar</translation>
    </message>
    <message>
        <source>Zoom O&amp;ut</source>
        <translation>Ale&amp;jar</translation>
    </message>
    <message>
        <source>Timeline Zoom In</source>
        <translation>Acercar la línea de tiempo</translation>
    </message>
    <message>
        <source>Timeline Zoom Out</source>
        <translation>Alejar la línea de tiempo</translation>
    </message>
    <message>
        <source>Timeline: Whole Film</source>
        <translation>Línea de tiempo: película completa</translation>
    </message>
    <message>
        <source>System Default</source>
        <translation>Predeterminado del sistema</translation>
    </message>
    <message>
        <source>&amp;About Chromaflow</source>
        <translation>&amp;Acerca de Chromaflow</translation>
    </message>
    <message>
        <source>Run the network and the failure analysis over the whole video while you work, starting at the playhead</source>
        <translation>Ejecutar la red y el análisis de fallos sobre todo el vídeo mientras trabaja, empezando en el cabezal de reproducción</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Deshacer: %1</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>&amp;Rehacer: %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Abrir &amp;reciente</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;Playback</source>
        <translation>&amp;Reproducción</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Barra principal</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vista previa</translation>
    </message>
    <message>
        <source>Opening %1 and loading the model…</source>
        <translation>Abriendo %1 y cargando el modelo…</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>Abriendo %1…</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 guardado</translation>
    </message>
    <message>
        <source>Open a video</source>
        <translation>Abrir un vídeo</translation>
    </message>
    <message>
        <source>Videos (*.mp4 *.mkv *.mov *.avi *.webm *.m4v *.mpg);;Photos and image sequences (*.dpx *.tif *.tiff *.png *.jpg *.jpeg *.exr *.webp *.bmp);;Chromaflow projects (*.chromaflow);;All files (*)</source>
        <translation>Vídeos (*.mp4 *.mkv *.mov *.avi *.webm *.m4v *.mpg);;Fotos y secuencias de imágenes (*.dpx *.tif *.tiff *.png *.jpg *.jpeg *.exr *.webp *.bmp);;Proyectos de Chromaflow (*.chromaflow);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Open a project</source>
        <translation>Abrir un proyecto</translation>
    </message>
    <message>
        <source>Chromaflow projects (*.chromaflow)</source>
        <translation>Proyectos de Chromaflow (*.chromaflow)</translation>
    </message>
    <message>
        <source>Save project</source>
        <translation>Guardar el proyecto</translation>
    </message>
    <message>
        <source>Clear List</source>
        <translation>Borrar la lista</translation>
    </message>
    <message>
        <source>No further failures after this frame</source>
        <translation>No hay más fallos después de este fotograma</translation>
    </message>
    <message>
        <source>No earlier failures before this frame</source>
        <translation>No hay fallos antes de este fotograma</translation>
    </message>
    <message>
        <source>Open a video before exporting</source>
        <translation>Abra un vídeo antes de exportar</translation>
    </message>
    <message>
        <source>Open a black-and-white video to start (%1 or drop a file)</source>
        <translation>Abra un vídeo en blanco y negro para empezar (%1 o arrastre un archivo)</translation>
    </message>
    <message>
        <source>Chromaflow could not finish the preview, the settings or the analysis</source>
        <translation>Chromaflow no pudo completar la vista previa, los ajustes o el análisis</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Could not open the project</source>
        <translation>No se pudo abrir el proyecto</translation>
    </message>
    <message>
        <source>Could not save the project</source>
        <translation>No se pudo guardar el proyecto</translation>
    </message>
    <message>
        <source>&amp;Next Failure</source>
        <translation>Siguiente &amp;fallo</translation>
    </message>
    <message>
        <source>&amp;Analyse in Background</source>
        <translation>Analizar en segundo &amp;plano</translation>
    </message>
    <message numerus="yes">
        <source>Analysed %1 of %n frame(s)</source>
        <translation>
            <numerusform>Analizados %1 de %n fotograma</numerusform>
            <numerusform>Analizados %1 de %n fotogramas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Opened %1: %n frame(s) at %2 fps</source>
        <translation>
            <numerusform>%1 abierto: %n fotograma a %2 fps</numerusform>
            <numerusform>%1 abierto: %n fotogramas a %2 fps</numerusform>
        </translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Tareas</translation>
    </message>
    <message>
        <source>ETA %1</source>
        <translation>Tiempo restante %1</translation>
    </message>
    <message numerus="yes">
        <source>%n export(s) still running or queued.</source>
        <translation>
            <numerusform>%n exportación sigue en curso o en cola.</numerusform>
            <numerusform>%n exportaciones siguen en curso o en cola.</numerusform>
        </translation>
    </message>
    <message>
        <source>Quitting cancels them and removes their unfinished files.</source>
        <translation>Al salir se cancelan y se eliminan sus archivos sin terminar.</translation>
    </message>
    <message>
        <source>Cancel Exports and Quit</source>
        <translation>Cancelar exportaciones y salir</translation>
    </message>
    <message>
        <source>The project &quot;%1&quot; has unsaved changes.</source>
        <translation>El proyecto «%1» tiene cambios sin guardar.</translation>
    </message>
    <message>
        <source>Do you want to save them?</source>
        <translation>¿Desea guardarlos?</translation>
    </message>
    <message>
        <source>&amp;Cache…</source>
        <translation>Cac&amp;hé…</translation>
    </message>
    <message>
        <source>Opened the readable part of %1 (truncated file)</source>
        <translation>Abierta la parte legible de %1 (archivo truncado)</translation>
    </message>
    <message>
        <source>This video has no sound</source>
        <translation>Este vídeo no tiene sonido</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is truncated: the file ends before the film does.</source>
        <translation>«%1» está truncado: el archivo termina antes que la película.</translation>
    </message>
    <message>
        <source>Only the first %1 of its %2 frames can be read.</source>
        <translation>Solo se pueden leer los primeros %1 de sus %2 fotogramas.</translation>
    </message>
    <message>
        <source>Only its first %1 frames can be read.</source>
        <translation>Solo se pueden leer sus primeros %1 fotogramas.</translation>
    </message>
    <message>
        <source>You can open and export that part; the rest of the film is not in the file. A complete copy of the video gives the whole film.</source>
        <translation>Puede abrir y exportar esa parte; el resto de la película no está en el archivo. Una copia completa del vídeo contiene la película entera.</translation>
    </message>
    <message>
        <source>Open the Readable Part</source>
        <translation>Abrir la parte legible</translation>
    </message>
    <message numerus="yes">
        <source>&quot;%1&quot; has %n damaged frame(s); the first is frame %2.</source>
        <translation>
            <numerusform>«%1» tiene %n fotograma dañado; el primero es el fotograma %2.</numerusform>
            <numerusform>«%1» tiene %n fotogramas dañados; el primero es el fotograma %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>The decoder hid the damage as well as it could, or repeated the frame before. Check those frames in the preview; the colours follow what the damaged pictures show.</source>
        <translation>El decodificador ocultó el daño lo mejor que pudo, o repitió el fotograma anterior. Revise esos fotogramas en la vista previa; los colores siguen lo que muestran las imágenes dañadas.</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Corrección de color</translation>
    </message>
    <message>
        <source>The chosen model could not be loaded. The previous model and its analysis are kept.</source>
        <translation>No se pudo cargar el modelo elegido. Se conservan el modelo anterior y su análisis.</translation>
    </message>
    <message>
        <source>%1 (frame %2 of %3)</source>
        <translation>%1 (fotograma %2 de %3)</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Chromaflow %1&lt;/h3&gt;&lt;p&gt;Colourises black-and-white film: a colour network, temporal smoothing along the optical flow, failure inspection, per-shot grading.&lt;/p&gt;&lt;p&gt;Built with Qt %2, LibTorch, OpenCV and FFmpeg.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Chromaflow %1&lt;/h3&gt;&lt;p&gt;Colorea películas en blanco y negro: una red de color, suavizado temporal a lo largo del flujo óptico, inspección de fallos y corrección de color por plano.&lt;/p&gt;&lt;p&gt;Hecho con Qt %2, LibTorch, OpenCV y FFmpeg.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Go to Timecode or Frame…</source>
        <translation>Ir a &amp;código de tiempo o fotograma…</translation>
    </message>
    <message>
        <source>User &amp;Guide</source>
        <translation>&amp;Guía del usuario</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>Atajos de &amp;teclado</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Acerca de &amp;Qt</translation>
    </message>
    <message>
        <source>Go to…</source>
        <translation>Ir a…</translation>
    </message>
    <message>
        <source>Go to a timecode (HH:MM:SS:FF) or a frame number, then press Enter (%1)</source>
        <translation>Ir a un código de tiempo (HH:MM:SS:FF) o a un número de fotograma y pulsar Intro (%1)</translation>
    </message>
    <message>
        <source>The user guide is not installed.</source>
        <translation>La guía del usuario no está instalada.</translation>
    </message>
    <message>
        <source>No program to show the user guide was found.</source>
        <translation>No se encontró ningún programa para mostrar la guía del usuario.</translation>
    </message>
    <message>
        <source>It is looked for in share/doc/chromaflow next to the program and in /usr/share/doc/chromaflow.</source>
        <translation>Se busca en share/doc/chromaflow junto al programa y en /usr/share/doc/chromaflow.</translation>
    </message>
    <message>
        <source>Open %1 with a text editor or a Markdown viewer.</source>
        <translation>Abra %1 con un editor de texto o un visor de Markdown.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a timecode (HH:MM:SS:FF) or a frame number of this video (0 to %2)</source>
        <translation>«%1» no es un código de tiempo (HH:MM:SS:FF) ni un número de fotograma de este vídeo (0 a %2)</translation>
    </message>
    <message numerus="yes">
        <source>The timestamps of &quot;%1&quot; jump back %n time(s), so the order of its frames cannot be told from them.</source>
        <translation>
            <numerusform>Las marcas de tiempo de «%1» retroceden %n vez, así que el orden de sus fotogramas no puede deducirse de ellas.</numerusform>
            <numerusform>Las marcas de tiempo de «%1» retroceden %n veces, así que el orden de sus fotogramas no puede deducirse de ellas.</numerusform>
        </translation>
    </message>
    <message>
        <source>This happens to parts joined into one file, or to a recorder whose clock was reset. Chromaflow can give the frames fresh timestamps in the order they are stored, through a lossless copy in its cache folder, and open that. The original file is not changed; the copy has no sound.</source>
        <translation>Esto ocurre con partes unidas en un solo archivo o con una grabadora cuyo reloj se reinició. Chromaflow puede dar a los fotogramas marcas de tiempo nuevas en el orden en que están guardados, mediante una copia sin pérdidas en su carpeta de caché, y abrirla. El archivo original no se modifica; la copia no tiene sonido.</translation>
    </message>
    <message>
        <source>Regenerate Timestamps</source>
        <translation>Regenerar marcas de tiempo</translation>
    </message>
    <message>
        <source>Giving %1 fresh timestamps…</source>
        <translation>Dando marcas de tiempo nuevas a %1…</translation>
    </message>
    <message>
        <source>fresh timestamps</source>
        <translation>marcas de tiempo nuevas</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <source>Could not give the video fresh timestamps</source>
        <translation>No se pudieron dar marcas de tiempo nuevas al vídeo</translation>
    </message>
    <message>
        <source>Hint Tool</source>
        <translation>Herramienta de pistas</translation>
    </message>
    <message>
        <source>Click the colourised picture to give a colour at that point (H)</source>
        <translation>Haga clic en la imagen coloreada para dar un color en ese punto (H)</translation>
    </message>
    <message>
        <source>Delete Hint</source>
        <translation>Eliminar pista</translation>
    </message>
    <message>
        <source>Set Reference Image for This Frame…</source>
        <translation>Establecer imagen de referencia de este fotograma…</translation>
    </message>
    <message>
        <source>Add Keyframe Here</source>
        <translation>Añadir fotograma clave aquí</translation>
    </message>
    <message>
        <source>Frame %1: click the colourised picture to give a colour, or set a reference image (Edit menu, or drop an image on the preview)</source>
        <translation>Fotograma %1: haga clic en la imagen coloreada para dar un color, o establezca una imagen de referencia (menú Editar, o suelte una imagen en la vista previa)</translation>
    </message>
    <message>
        <source>Reference Image for Frame %1</source>
        <translation>Imagen de referencia del fotograma %1</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.webp)</source>
        <translation>Imágenes (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.webp)</translation>
    </message>
    <message>
        <source>This image cannot be the reference of frame %1</source>
        <translation>Esta imagen no puede ser la referencia del fotograma %1</translation>
    </message>
    <message>
        <source>Reference image of frame %1: %2</source>
        <translation>Imagen de referencia del fotograma %1: %2</translation>
    </message>
</context>
<context>
    <name>cf::ui::PreviewWidget</name>
    <message>
        <source>Smoothed (λ %1)</source>
        <translation>Suavizado (λ %1)</translation>
    </message>
    <message>
        <source>Colourised (λ %1)</source>
        <translation>Coloreado (λ %1)</translation>
    </message>
    <message>
        <source>Raw network output</source>
        <translation>Salida de la red sin procesar</translation>
    </message>
    <message>
        <source>Original (the source has no colours)</source>
        <translation>Original (el origen no tiene colores)</translation>
    </message>
    <message>
        <source>Source colours (reference)</source>
        <translation>Colores de origen (referencia)</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>Not available yet</source>
        <translation>Aún no disponible</translation>
    </message>
    <message>
        <source>Open a video: File &gt; Open, or drop a file here</source>
        <translation>Abra un vídeo: Archivo &gt; Abrir vídeo, o arrastre un archivo aquí</translation>
    </message>
    <message>
        <source>%1 · frame %2</source>
        <translation>%1 · fotograma %2</translation>
    </message>
    <message>
        <source>less sure</source>
        <translation>menos seguro</translation>
    </message>
    <message>
        <source>more sure</source>
        <translation>más seguro</translation>
    </message>
    <message>
        <source>%1 · keyframe colour being propagated…</source>
        <translation>%1 · propagando el color de fotogramas clave…</translation>
    </message>
    <message>
        <source>%1 · keyframe colour</source>
        <translation>%1 · color de fotogramas clave</translation>
    </message>
    <message>
        <source>%1 · keyframe colour not propagated</source>
        <translation>%1 · color de fotogramas clave no propagado</translation>
    </message>
</context>
<context>
    <name>cf::ui::Project</name>
    <message>
        <source>Untitled</source>
        <translation>Sin título</translation>
    </message>
    <message>
        <source>Change settings</source>
        <translation>Cambiar los ajustes</translation>
    </message>
    <message>
        <source>Set λ to %1</source>
        <translation>Fijar λ en %1</translation>
    </message>
    <message>
        <source>Set λ %1 for the shot at frame %2</source>
        <translation>Fijar λ %1 para el plano del fotograma %2</translation>
    </message>
    <message>
        <source>Set temperature %1 for the shot at frame %2</source>
        <translation>Fijar la temperatura %1 para el plano del fotograma %2</translation>
    </message>
    <message>
        <source>Clear the overrides of the shot at frame %1</source>
        <translation>Borrar los ajustes propios del plano del fotograma %1</translation>
    </message>
    <message>
        <source>Set in/out range</source>
        <translation>Definir entrada y salida</translation>
    </message>
    <message>
        <source>Change export settings</source>
        <translation>Cambiar los ajustes de exportación</translation>
    </message>
    <message>
        <source>Add a colour hint on frame %1</source>
        <translation>Añadir una indicación de color en el fotograma %1</translation>
    </message>
    <message>
        <source>Remove a colour hint on frame %1</source>
        <translation>Quitar una indicación de color en el fotograma %1</translation>
    </message>
    <message>
        <source>Change a colour hint on frame %1</source>
        <translation>Cambiar una indicación de color en el fotograma %1</translation>
    </message>
    <message>
        <source>Remove the reference image of frame %1</source>
        <translation>Quitar la imagen de referencia del fotograma %1</translation>
    </message>
    <message>
        <source>Set the reference image of frame %1</source>
        <translation>Establecer la imagen de referencia del fotograma %1</translation>
    </message>
    <message>
        <source>Move the keyframe %1 to frame %2</source>
        <translation>Mover el fotograma clave %1 al fotograma %2</translation>
    </message>
    <message>
        <source>Remove the keyframe %1</source>
        <translation>Quitar el fotograma clave %1</translation>
    </message>
    <message>
        <source>Set the reference strength to %1</source>
        <translation>Fijar la intensidad de la referencia en %1</translation>
    </message>
    <message>
        <source>Clear the mark of failure %1</source>
        <translation>Quitar la marca del fallo %1</translation>
    </message>
    <message>
        <source>Ignore failure %1</source>
        <translation>Ignorar el fallo %1</translation>
    </message>
    <message>
        <source>Mark failure %1 reviewed</source>
        <translation>Marcar el fallo %1 como revisado</translation>
    </message>
    <message>
        <source>Grade the shot at frame %1</source>
        <translation>Corregir el color del plano en el fotograma %1</translation>
    </message>
</context>
<context>
    <name>cf::ui::ProjectFile</name>
    <message>
        <source>cannot read project %1: %2 at offset %3; check the file is a Chromaflow project</source>
        <translation>no se puede leer el proyecto %1: %2 en la posición %3; compruebe que el archivo es un proyecto de Chromaflow</translation>
    </message>
    <message>
        <source>cannot read project %1: not a Chromaflow project file</source>
        <translation>no se puede leer el proyecto %1: no es un archivo de proyecto de Chromaflow</translation>
    </message>
    <message>
        <source>cannot save project %1: %2; choose a writable folder</source>
        <translation>no se puede guardar el proyecto %1: %2; elija una carpeta con permiso de escritura</translation>
    </message>
    <message>
        <source>cannot save project %1: %2; check the free disk space</source>
        <translation>no se puede guardar el proyecto %1: %2; compruebe el espacio libre en disco</translation>
    </message>
    <message>
        <source>cannot open project %1: %2</source>
        <translation>no se puede abrir el proyecto %1: %2</translation>
    </message>
    <message>
        <source>cannot open project %1: it is not a regular file (a folder, named pipe or device)</source>
        <translation>no se puede abrir el proyecto %1: no es un archivo normal (una carpeta, una tubería con nombre o un dispositivo)</translation>
    </message>
    <message>
        <source>cannot read project %1: the grade of the shot at frame %2: %3</source>
        <translation>no se puede leer el proyecto %1: la corrección de color del plano en el fotograma %2: %3</translation>
    </message>
    <message>
        <source>cannot open project %1: it was saved by a newer Chromaflow (project format version %2; this version reads up to %3), and opening it here would lose what that version added. Update Chromaflow to open it</source>
        <translation>no se puede abrir el proyecto %1: se guardó con un Chromaflow más reciente (versión de formato de proyecto %2; esta versión lee hasta la %3), y abrirlo aquí perdería lo que esa versión añadió. Actualice Chromaflow para abrirlo</translation>
    </message>
    <message>
        <source>cannot read project %1: format version %2 is not supported; check the file is a Chromaflow project</source>
        <translation>no se puede leer el proyecto %1: la versión de formato %2 no es compatible; compruebe que el archivo es un proyecto de Chromaflow</translation>
    </message>
</context>
<context>
    <name>cf::ui::ReferencePicker</name>
    <message>
        <source>Pick a colour from the reference image</source>
        <translation>Tomar un color de la imagen de referencia</translation>
    </message>
    <message>
        <source>The reference image %1 could not be read.</source>
        <translation>No se pudo leer la imagen de referencia %1.</translation>
    </message>
    <message>
        <source>Click the colour to use.</source>
        <translation>Haga clic en el color que desea usar.</translation>
    </message>
</context>
<context>
    <name>cf::ui::SettingsPanel</name>
    <message>
        <source>Outlier z-score (0 = off)</source>
        <translation>Puntuación z de valores atípicos (0 = desactivado)</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>Shipped default model</source>
        <translation>Modelo incluido por defecto</translation>
    </message>
    <message>
        <source>Model default</source>
        <translation>Valor del modelo</translation>
    </message>
    <message>
        <source>Annealed-mean temperature of classification heads: lower gives bolder colours, higher gives safer, duller ones</source>
        <translation>Temperatura de la media recocida de las cabezas de clasificación: más baja da colores más intensos; más alta, colores más seguros y apagados</translation>
    </message>
    <message>
        <source>Height the network works at; the colours are upsampled to the full frame</source>
        <translation>Altura a la que trabaja la red; los colores se escalan después al fotograma completo</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automático</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Dispositivo</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>En uso</translation>
    </message>
    <message>
        <source>(not known until a video is open)</source>
        <translation>(se sabrá al abrir un vídeo)</translation>
    </message>
    <message>
        <source>Temporal smoothing</source>
        <translation>Suavizado temporal</translation>
    </message>
    <message>
        <source>Smoothing strength λ: 0 is off; higher values remove more flicker but can smear colours across motion</source>
        <translation>Intensidad del suavizado λ: 0 lo desactiva; los valores altos eliminan más parpadeo pero pueden difuminar los colores con el movimiento</translation>
    </message>
    <message>
        <source>DIS (fast)</source>
        <translation>DIS (rápido)</translation>
    </message>
    <message>
        <source>TV-L1 (accurate, slow)</source>
        <translation>TV-L1 (preciso, lento)</translation>
    </message>
    <message>
        <source>Optical flow</source>
        <translation>Flujo óptico</translation>
    </message>
    <message>
        <source>Failure thresholds</source>
        <translation>Umbrales de fallos</translation>
    </message>
    <message>
        <source>Current shot</source>
        <translation>Plano actual</translation>
    </message>
    <message>
        <source>Use this λ for the shot</source>
        <translation>Usar este λ en el plano</translation>
    </message>
    <message>
        <source>Use this temperature</source>
        <translation>Usar esta temperatura</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>No video open</source>
        <translation>Ningún vídeo abierto</translation>
    </message>
    <message>
        <source>Frames %1-%2</source>
        <translation>Fotogramas %1-%2</translation>
    </message>
    <message>
        <source>λ %1 (override)</source>
        <translation>λ %1 (sustituido)</translation>
    </message>
    <message>
        <source>Temperature %1 (override)</source>
        <translation>Temperatura %1 (sustituida)</translation>
    </message>
    <message>
        <source>Uses the global settings</source>
        <translation>Usa los ajustes globales</translation>
    </message>
    <message>
        <source>Choose a model</source>
        <translation>Elegir un modelo</translation>
    </message>
    <message>
        <source>Chromaflow or TorchScript models (*.cfmodel *.pt *.ts);;All files (*)</source>
        <translation>Modelos de Chromaflow o TorchScript (*.cfmodel *.pt *.ts);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Sepia (share of chroma, 0-1)</source>
        <translation>Sepia (proporción de croma, 0-1)</translation>
    </message>
    <message>
        <source>Flag a frame as sepia when more than this share of its colour lies in the orange-brown hue band</source>
        <translation>Marcar un fotograma como sepia cuando más de esta proporción de su color está en la banda de tonos naranja-marrón</translation>
    </message>
    <message>
        <source>Minimum colourfulness (0-100)</source>
        <translation>Colorido mínimo (0-100)</translation>
    </message>
    <message>
        <source>Flag a frame as washed out when its colourfulness (Hasler-Süsstrunk) is below this value</source>
        <translation>Marcar un fotograma como desvaído cuando su colorido (Hasler-Süsstrunk) está por debajo de este valor</translation>
    </message>
    <message>
        <source>Low-confidence area (share, 0-1)</source>
        <translation>Área de baja confianza (proporción, 0-1)</translation>
    </message>
    <message>
        <source>Flag a frame when more than this share of it has a model confidence below 0.2</source>
        <translation>Marcar un fotograma cuando más de esta proporción tiene una confianza del modelo inferior a 0,2</translation>
    </message>
    <message>
        <source>Flicker (× shot median)</source>
        <translation>Parpadeo (× mediana del plano)</translation>
    </message>
    <message>
        <source>Flag a frame when its colour flicker is this many times the median flicker of its shot</source>
        <translation>Marcar un fotograma cuando su parpadeo de color es tantas veces la mediana de su plano</translation>
    </message>
    <message>
        <source>Motion (share of width, 0-1)</source>
        <translation>Movimiento (proporción del ancho, 0-1)</translation>
    </message>
    <message>
        <source>Flag heavy motion when the mean movement between frames exceeds this share of the frame width</source>
        <translation>Marcar movimiento fuerte cuando el desplazamiento medio entre fotogramas supera esta proporción del ancho</translation>
    </message>
    <message>
        <source>Occluded area (share, 0-1)</source>
        <translation>Área ocluida (proporción, 0-1)</translation>
    </message>
    <message>
        <source>Flag heavy motion when this share of the frame is hidden or revealed between frames (an outlier in its shot)</source>
        <translation>Marcar movimiento fuerte cuando esta proporción del fotograma se oculta o aparece entre fotogramas (un valor atípico en su plano)</translation>
    </message>
    <message>
        <source>Also flag a frame whose measures stand out from the rest of its shot by more than this robust z-score; 0 turns it off</source>
        <translation>Marcar también un fotograma cuyas medidas se apartan del resto de su plano más que esta puntuación z robusta; 0 lo desactiva</translation>
    </message>
    <message>
        <source>The colourisation model: the shipped one, one installed in a models folder, or any model file</source>
        <translation>El modelo de coloreado: el incluido, uno instalado en una carpeta de modelos o cualquier archivo de modelo</translation>
    </message>
    <message>
        <source>Temperature (0-2)</source>
        <translation>Temperatura (0-2)</translation>
    </message>
    <message>
        <source>Working height (px)</source>
        <translation>Altura de trabajo (px)</translation>
    </message>
    <message>
        <source>Where the network runs: Automatic uses a CUDA GPU when there is one</source>
        <translation>Dónde se ejecuta la red: Automático usa una GPU CUDA si la hay</translation>
    </message>
    <message>
        <source>The device the network actually runs on</source>
        <translation>El dispositivo en el que se ejecuta realmente la red</translation>
    </message>
    <message>
        <source>Smoothing λ</source>
        <translation>Suavizado λ</translation>
    </message>
    <message>
        <source>How motion between frames is measured for the smoothing: DIS is fast, TV-L1 is the most accurate</source>
        <translation>Cómo se mide el movimiento entre fotogramas para el suavizado: DIS es rápido, TV-L1 el más preciso</translation>
    </message>
    <message>
        <source>Smooth the shot under the playhead with the λ above</source>
        <translation>Suavizar el plano bajo el cabezal con el λ de arriba</translation>
    </message>
    <message>
        <source>Colour the shot under the playhead at the temperature above</source>
        <translation>Colorear el plano bajo el cabezal con la temperatura de arriba</translation>
    </message>
    <message>
        <source>The shot under the playhead goes back to the global settings</source>
        <translation>El plano bajo el cabezal vuelve a los ajustes globales</translation>
    </message>
    <message>
        <source>Other file…</source>
        <translation>Otro archivo…</translation>
    </message>
    <message>
        <source>Choose a .cfmodel or TorchScript file anywhere</source>
        <translation>Elegir un archivo .cfmodel o TorchScript en cualquier lugar</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a model Chromaflow can use. The current model stays in use.</source>
        <translation>«%1» no es un modelo que Chromaflow pueda usar. Se sigue usando el modelo actual.</translation>
    </message>
    <message>
        <source>Choose a Chromaflow model (.cfmodel) or a TorchScript model (.pt, .ts).</source>
        <translation>Elija un modelo de Chromaflow (.cfmodel) o un modelo TorchScript (.pt, .ts).</translation>
    </message>
</context>
<context>
    <name>cf::ui::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Atajo</translation>
    </message>
</context>
<context>
    <name>cf::ui::SuggestedColours</name>
    <message>
        <source>Colour of the hint</source>
        <translation>Color de la pista</translation>
    </message>
    <message>
        <source>Colour of this point</source>
        <translation>Color de este punto</translation>
    </message>
    <message>
        <source>Other colour…</source>
        <translation>Otro color…</translation>
    </message>
    <message>
        <source>Pick from the reference image…</source>
        <translation>Tomar de la imagen de referencia…</translation>
    </message>
    <message>
        <source>Asking the model for its likely colours…</source>
        <translation>Consultando al modelo sus colores probables…</translation>
    </message>
    <message>
        <source>%1 (%2 % likely)</source>
        <translation>%1 (%2 % probable)</translation>
    </message>
    <message>
        <source>The model&apos;s most likely colours here, most likely first</source>
        <translation>Los colores más probables del modelo aquí, el más probable primero</translation>
    </message>
</context>
<context>
    <name>cf::ui::TimelineWidget</name>
    <message>
        <source>Open a video to see its timeline</source>
        <translation>Abra un vídeo para ver su línea de tiempo</translation>
    </message>
    <message>
        <source>Colourfulness</source>
        <translation>Colorido</translation>
    </message>
    <message>
        <source>Flicker</source>
        <translation>Parpadeo</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Confianza</translation>
    </message>
    <message>
        <source>%1, frames %2-%3: %4</source>
        <translation>%1, fotogramas %2-%3: %4</translation>
    </message>
    <message>
        <source>Frame %1 (%2)</source>
        <translation>Fotograma %1 (%2)</translation>
    </message>
    <message>
        <source>Colourfulness %1, flicker %2, confidence %3</source>
        <translation>Colorido %1, parpadeo %2, confianza %3</translation>
    </message>
    <message>
        <source>Sepia</source>
        <translation>Sepia</translation>
    </message>
    <message>
        <source>Low confidence</source>
        <translation>Confianza baja</translation>
    </message>
    <message>
        <source>Heavy motion</source>
        <translation>Movimiento intenso</translation>
    </message>
    <message>
        <source>Desaturated (colour averaging)</source>
        <translation>Desaturado (promediado de colores)</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Colourise black-and-white video.</source>
        <translation>Colorear vídeos en blanco y negro.</translation>
    </message>
    <message>
        <source>Video or project to open.</source>
        <translation>Vídeo o proyecto que abrir.</translation>
    </message>
    <message>
        <source>Open the file, wait for its first preview, save a screenshot of the window to &lt;png&gt; and quit (for documentation, e.g. under Xvfb).</source>
        <translation>Abrir el archivo, esperar a la primera vista previa, guardar una captura de la ventana en &lt;png&gt; y salir (para la documentación, p. ej. con Xvfb).</translation>
    </message>
    <message>
        <source>Interface language for this run: en, de, fr, es or zh_CN (default: the View &gt; Language setting, else the system locale).</source>
        <translation>Idioma de la interfaz para esta ejecución: en, de, fr, es o zh_CN (por defecto: el ajuste Ver &gt; Idioma o, si no, el idioma del sistema).</translation>
    </message>
    <message>
        <source>unknown language &apos;%1&apos;; use one of: %2</source>
        <translation>idioma desconocido «%1»; use uno de: %2</translation>
    </message>
    <message>
        <source>With --screenshot: seconds to wait after the first preview (default 3; longer lets keyframe colour propagate).</source>
        <translation>Con --screenshot: segundos de espera tras la primera vista previa (3 por defecto; más tiempo deja que se propague el color de fotogramas clave).</translation>
    </message>
    <message>
        <source>Open the video at this frame (0-based) instead of the first.</source>
        <translation>Abrir el vídeo en este fotograma (contando desde 0) en lugar del primero.</translation>
    </message>
    <message>
        <source>--frame needs a frame number (0 or more), not &apos;%1&apos;</source>
        <translation>--frame necesita un número de fotograma (0 o más), no &apos;%1&apos;</translation>
    </message>
</context>
</TS>
