// The stock Dear ImGui render loop, as the reference for the idle-CPU benchmark.
// This is what upstream's examples/example_glfw_opengl3 does in a browser:
// GLFW emulation (-sUSE_GLFW=3), imgui_impl_glfw + imgui_impl_opengl3 on a
// WebGL2 context, and emscripten_set_main_loop drawing a frame on every
// requestAnimationFrame whether anything changed or not. The window shows a
// little text, like the example's "Hello, world!" window (the demo window is
// left out so the reference is not heavier than it needs to be).
//
// Built with -DSTOCK_PAUSED it is the reference for the first-frame line
// instead: the same page with its loop paused while nothing happens (frames
// only for a moment after an input event, as the app does), built with -Oz.
//
// tools/bench builds both with em++ into build/bench/stock/ (stock.js and
// paused.js, served by index.html and paused.html); they are not part of the bundle.
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <cstdio>

static GLFWwindow* g_window = nullptr;
#ifdef STOCK_PAUSED
static int g_frames_left = 3;
#endif

static void main_loop() {
    glfwPollEvents();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();

    ImGui::Begin("Hello, world!");
    ImGui::Text("This is some useful text.");
    ImGui::Text("Application average %.3f ms/frame (%.1f FPS)", 1000.0f / ImGui::GetIO().Framerate, ImGui::GetIO().Framerate);
    for (int i = 0; i < 20; i++) ImGui::Text("Line %d of text drawn every frame.", i + 1);
    ImGui::End();

    ImGui::Render();
    int w, h;
    glfwGetFramebufferSize(g_window, &w, &h);
    glViewport(0, 0, w, h);
    glClearColor(0.45f, 0.55f, 0.60f, 1.00f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    glfwSwapBuffers(g_window);

    static bool first = true;  // the benchmark waits for this before measuring
    if (first) {
        first = false;
        EM_ASM(performance.mark('first frame'); window.stockFirstFrame = true);
    }
#ifdef STOCK_PAUSED
    if (--g_frames_left <= 0) emscripten_pause_main_loop();
#endif
}

#ifdef STOCK_PAUSED
// Any input wakes the loop for a few frames (ImGui settles hover and focus over two or three).
static void wake() {
    if (g_frames_left <= 0) emscripten_resume_main_loop();
    g_frames_left = 3;
}
static EM_BOOL on_mouse(int, const EmscriptenMouseEvent*, void*) { wake(); return EM_FALSE; }
static EM_BOOL on_wheel(int, const EmscriptenWheelEvent*, void*) { wake(); return EM_FALSE; }
static EM_BOOL on_key(int, const EmscriptenKeyboardEvent*, void*) { wake(); return EM_FALSE; }
#endif

int main() {
    if (!glfwInit()) return 1;
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    g_window = glfwCreateWindow(1280, 720, "Dear ImGui GLFW+OpenGL3 example", nullptr, nullptr);
    if (!g_window) return 1;
    glfwMakeContextCurrent(g_window);
    glfwSwapInterval(1);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    ImGui::StyleColorsDark();
    ImGui_ImplGlfw_InitForOpenGL(g_window, true);
    ImGui_ImplGlfw_InstallEmscriptenCanvasResizeCallback("#canvas");
    ImGui_ImplOpenGL3_Init("#version 300 es");

#ifdef STOCK_PAUSED
    emscripten_set_mousemove_callback("#canvas", nullptr, false, on_mouse);
    emscripten_set_mousedown_callback("#canvas", nullptr, false, on_mouse);
    emscripten_set_mouseup_callback("#canvas", nullptr, false, on_mouse);
    emscripten_set_wheel_callback("#canvas", nullptr, false, on_wheel);
    emscripten_set_keydown_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, false, on_key);
#endif
    emscripten_set_main_loop(main_loop, 0, true);  // every animation frame (paused: until the loop pauses itself)
    return 0;
}
