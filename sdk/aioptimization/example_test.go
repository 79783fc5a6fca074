package aioptimization_test

import (
	"context"
	"fmt"
	"log"

	"github.com/dataforseo-go/dataforseo/sdk/aioptimization"
	"github.com/dataforseo-go/dataforseo/sdk/sdktest"
)

// Asking ChatGPT, and reading its answer and what it cost.
func ExampleService_ChatGptLLMResponsesLive() {
	srv := sdktest.NewServer(nil) // a mock API; use sdk.NewClient for the real one
	defer srv.Close()
	ai := aioptimization.New(srv.Client())

	resp, err := ai.ChatGptLLMResponsesLive(context.Background(), aioptimization.ChatGptLLMResponsesLiveRequest{
		UserPrompt: "What are the biggest amusement parks in France?",
		ModelName:  "gpt-4.1-mini",
	})
	if err != nil {
		log.Fatal(err)
	}
	answer, _ := resp.FirstResult()
	fmt.Printf("%s: %d tokens in, %d out\n", answer.ModelName, answer.InputTokens, answer.OutputTokens)
	for _, item := range answer.Items {
		for _, section := range item.Sections {
			fmt.Printf("%s %s: %.40s...\n", item.Type, section.Type, section.Text)
		}
	}
	// Output:
	// gpt-4.1-mini-2025-04-14: 374 tokens in, 594 out
	// message text: The amusement park industry in France re...
}
