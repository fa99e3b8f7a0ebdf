// Career Matrix: the WebGL2 renderer (an Emscripten JS library), the browser half
// of platform_web.cpp's render_draw_data. It draws ImGui's draw lists straight
// from the wasm heap, with the same shaders, blending and scissoring as Dear
// ImGui's OpenGL3 backend, so the pixels are the same. It owns every piece of GL
// state, so nothing is saved and restored around a frame and nothing is queried
// from the driver (with software GL such queries were most of a frame's GL cost).

mergeInto(LibraryManager.library, {
  $CMGL: {
    gl: null,
    program: null,
    projection: null,  // uniform location
    vertices: null,
    indices: null,
    texture: null,
    linked: false,
    vtxOffset: -1,     // the vertex offset the attribute pointers are set for
    // ImDrawVert: pos (2 floats), uv (2 floats), col (4 bytes, RGBA): 20 bytes.
    pointAttributes: function(gl, firstVertex) {
      var base = firstVertex * 20;
      gl.vertexAttribPointer(0, 2, gl.FLOAT, false, 20, base);
      gl.vertexAttribPointer(1, 2, gl.FLOAT, false, 20, base + 8);
      gl.vertexAttribPointer(2, 4, gl.UNSIGNED_BYTE, true, 20, base + 16);
      CMGL.vtxOffset = firstVertex;
    },
  },

  // Creates the context and starts compiling the shaders; returns 0 without WebGL2.
  // The compile status is read at the first draw, so the driver can compile
  // while the page still waits for the framework data.
  cm_js_gl_init__deps: ['$CMGL'],
  cm_js_gl_init: function(selectorPtr) {
    var canvas = document.querySelector(UTF8ToString(selectorPtr));
    if (canvas) {  // its real size before the context exists: no drawing buffer made twice
      var r = canvas.getBoundingClientRect(), dpr = window.devicePixelRatio || 1;
      canvas.width = Math.max(1, Math.round(r.width * dpr));
      canvas.height = Math.max(1, Math.round(r.height * dpr));
    }
    var gl = canvas && canvas.getContext('webgl2', {
      'alpha': false, 'depth': false, 'stencil': false, 'antialias': false,  // ImGui antialiases its own shapes
      'premultipliedAlpha': true, 'preserveDrawingBuffer': false,
    });
    if (!gl) return 0;
    CMGL.gl = gl;
    var shader = function(type, source) {
      var s = gl.createShader(type);
      gl.shaderSource(s, '#version 300 es\n' + source);
      gl.compileShader(s);
      gl.attachShader(program, s);
      return s;
    };
    var program = CMGL.program = gl.createProgram();
    shader(gl.VERTEX_SHADER,
      'precision highp float;\n' +
      'layout (location = 0) in vec2 Position;\nlayout (location = 1) in vec2 UV;\nlayout (location = 2) in vec4 Color;\n' +
      'uniform mat4 ProjMtx;\nout vec2 Frag_UV;\nout vec4 Frag_Color;\n' +
      'void main() { Frag_UV = UV; Frag_Color = Color; gl_Position = ProjMtx * vec4(Position.xy, 0, 1); }\n');
    // The font atlas is one channel (R8): coverage is the alpha of white, as ImGui's RGBA atlas has it.
    shader(gl.FRAGMENT_SHADER,
      'precision mediump float;\n' +
      'uniform sampler2D Texture;\nin vec2 Frag_UV;\nin vec4 Frag_Color;\nlayout (location = 0) out vec4 Out_Color;\n' +
      'void main() { Out_Color = Frag_Color * vec4(1.0, 1.0, 1.0, texture(Texture, Frag_UV.st).r); }\n');
    gl.linkProgram(program);

    gl.bindVertexArray(gl.createVertexArray());
    CMGL.vertices = gl.createBuffer();
    CMGL.indices = gl.createBuffer();
    gl.bindBuffer(gl.ARRAY_BUFFER, CMGL.vertices);
    gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, CMGL.indices);
    for (var i = 0; i < 3; i++) gl.enableVertexAttribArray(i);
    CMGL.pointAttributes(gl, 0);
    gl.enable(gl.BLEND);
    gl.blendEquation(gl.FUNC_ADD);
    gl.blendFuncSeparate(gl.SRC_ALPHA, gl.ONE_MINUS_SRC_ALPHA, gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
    gl.pixelStorei(gl.UNPACK_ALIGNMENT, 1);
    return 1;
  },

  // The font atlas, one byte per pixel; replaces the last one (fonts are rebuilt when the pixel ratio changes).
  cm_js_gl_texture__deps: ['$CMGL'],
  cm_js_gl_texture: function(pixels, width, height) {
    var gl = CMGL.gl;
    if (!CMGL.texture) CMGL.texture = gl.createTexture();
    gl.bindTexture(gl.TEXTURE_2D, CMGL.texture);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.LINEAR);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.LINEAR);
    gl.texImage2D(gl.TEXTURE_2D, 0, gl.R8, width, height, 0, gl.RED, gl.UNSIGNED_BYTE, HEAPU8.subarray(pixels, pixels + width * height));
  },

  // One frame: clear, then every draw list. lists: 6 int32 per list (vertices
  // pointer, vertex count, indices pointer, index count, first command, command
  // count); commands: 7 int32 each (scissor x, y, w, h in framebuffer pixels,
  // element count, index offset, vertex offset); projection: 16 floats.
  cm_js_gl_draw__deps: ['$CMGL'],
  cm_js_gl_draw: function(width, height, r, g, b, projection, lists, listCount, commands) {
    var gl = CMGL.gl;
    if (!CMGL.linked) {
      if (!gl.getProgramParameter(CMGL.program, gl.LINK_STATUS)) {
        if (Module['onFatalError']) Module['onFatalError']('The ladder could not be drawn', 'WebGL could not compile its shaders: ' + gl.getProgramInfoLog(CMGL.program));
        return;
      }
      gl.useProgram(CMGL.program);
      CMGL.projection = gl.getUniformLocation(CMGL.program, 'ProjMtx');
      CMGL.linked = true;
    }
    gl.viewport(0, 0, width, height);
    gl.disable(gl.SCISSOR_TEST);
    gl.clearColor(r, g, b, 1);
    gl.clear(gl.COLOR_BUFFER_BIT);
    gl.enable(gl.SCISSOR_TEST);
    gl.uniformMatrix4fv(CMGL.projection, false, HEAPF32.subarray(projection >> 2, (projection >> 2) + 16));
    var L = lists >> 2, C = commands >> 2;
    for (var i = 0; i < listCount; i++, L += 6) {
      gl.bufferData(gl.ARRAY_BUFFER, HEAPU8.subarray(HEAP32[L], HEAP32[L] + HEAP32[L + 1] * 20), gl.STREAM_DRAW);
      gl.bufferData(gl.ELEMENT_ARRAY_BUFFER, HEAPU8.subarray(HEAP32[L + 2], HEAP32[L + 2] + HEAP32[L + 3] * 2), gl.STREAM_DRAW);
      for (var c = C + HEAP32[L + 4] * 7, end = c + HEAP32[L + 5] * 7; c < end; c += 7) {
        if (HEAP32[c + 6] !== CMGL.vtxOffset) CMGL.pointAttributes(gl, HEAP32[c + 6]);
        gl.scissor(HEAP32[c], HEAP32[c + 1], HEAP32[c + 2], HEAP32[c + 3]);
        gl.drawElements(gl.TRIANGLES, HEAP32[c + 4], gl.UNSIGNED_SHORT, HEAP32[c + 5] * 2);
      }
    }
  },
});
